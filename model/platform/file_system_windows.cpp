#include "platform/file_system.hpp"

#include <random>
#include <string>

#include <cstdio>
#include <cstdlib>

#include <fcntl.h>
#include <io.h>
#include <windows.h>

#include <shellapi.h>

#include <unattend/atomic_file.hpp>
#include <unattend/error.hpp>
#include <unattend/input.hpp>

namespace unattend::detail {

bool glob_matches(const std::string& glob, const std::string& name) { return match_glob_portably(glob, name); }

std::string distrust_reason(const std::filesystem::path&) { return {}; }

}  // namespace unattend::detail

namespace unattend {

std::filesystem::path make_private_directory() {
  std::wstring base(MAX_PATH + 1, L'\0');
  const DWORD length = ::GetTempPathW(static_cast<DWORD>(base.size()), base.data());
  if (length == 0 || length > base.size()) throw Error("cannot find the temporary folder (GetTempPath)");
  base.resize(length);
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::filesystem::path path =
        std::filesystem::path(base) / ("unattend-" + std::to_string(random() % 100000000U));
    // The new folder inherits the temporary folder's ACL, which on Windows is
    // the user's own (%LOCALAPPDATA%\Temp).
    if (::CreateDirectoryW(path.c_str(), nullptr) != 0) return path;
    if (::GetLastError() != ERROR_ALREADY_EXISTS) break;
  }
  throw Error(path_to_utf8(base) + ": cannot create a temporary folder");
}

bool standard_input_waiting() {
  // Editors talk to the language server over pipes; for a pipe, PeekNamedPipe
  // tells what is waiting. Anything else (a file) is read when asked.
  const HANDLE input = ::GetStdHandle(STD_INPUT_HANDLE);
  if (input == nullptr || input == INVALID_HANDLE_VALUE || ::GetFileType(input) != FILE_TYPE_PIPE) return false;
  DWORD available = 0;
  return ::PeekNamedPipe(input, nullptr, 0, nullptr, &available, nullptr) != 0 && available > 0;
}

namespace {

std::string utf8_of(std::wstring_view wide) {
  if (wide.empty()) return {};
  const int size = ::WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), nullptr, 0, nullptr,
                                         nullptr);
  std::string text(static_cast<std::size_t>(size), '\0');
  ::WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), text.data(), size, nullptr, nullptr);
  return text;
}

std::wstring wide_of(std::string_view text) {
  if (text.empty()) return {};
  const int size = ::MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0);
  std::wstring wide(static_cast<std::size_t>(size), L'\0');
  ::MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), wide.data(), size);
  return wide;
}

}  // namespace

std::vector<std::string> utf8_arguments(int, char**) {
  int count = 0;
  wchar_t** wide = ::CommandLineToArgvW(::GetCommandLineW(), &count);
  if (wide == nullptr) throw Error("cannot read the command line (CommandLineToArgvW)");
  std::vector<std::string> arguments;
  for (int i = 1; i < count; ++i) {
    arguments.push_back(utf8_of(wide[i]));
  }
  ::LocalFree(wide);
  return arguments;
}

std::optional<std::string> environment_variable(const std::string& name) {
  const wchar_t* value = ::_wgetenv(wide_of(name).c_str());
  return value == nullptr ? std::nullopt : std::optional<std::string>(utf8_of(value));
}

void prepare_standard_streams() {
  ::_setmode(::_fileno(stdin), _O_BINARY);
  ::_setmode(::_fileno(stdout), _O_BINARY);
  ::_setmode(::_fileno(stderr), _O_BINARY);
  ::SetConsoleOutputCP(CP_UTF8);
}

}  // namespace unattend
