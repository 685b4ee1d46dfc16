// The virtio-win image (Fedora's virtio-win ISO) attached to a QEMU/KVM VM:
// its storage and network drivers loaded in Windows PE, so that Setup sees a
// virtio disk, and its guest tools installed at first logon. The image is
// found by a file on it, not by a drive letter.
#include <algorithm>

#include "generation/build.hpp"

namespace unattend::detail::generation {

namespace {

// The folder of the virtio-win image for a Windows (its layout:
// DRIVER\OS\ARCH, virtio-win-pkg-scripts), or "" for none.
std::string virtio_os(const Target& target) {
  switch (target.windows) {
    case Windows::windows_10: return "w10";
    case Windows::windows_11: return "w11";
    case Windows::server_2016: return "2k16";
    case Windows::server_2019: return "2k19";
    case Windows::server_2022: return "2k22";
    case Windows::server_2025: return "2k25";
    default: return "";
  }
}

std::string virtio_arch(Architecture architecture) {
  switch (architecture) {
    case Architecture::arm64: return "ARM64";
    case Architecture::x86: return "x86";
    default: return "amd64";
  }
}

}  // namespace

void add_guest_tools(Build& build) {
  const Spec& spec = build.spec;
  if (!spec.virtio_guest_tools.value) return;
  const SpecOrigin& origin = spec.virtio_guest_tools.origin;
  const std::optional<Target> target = spec.target ? parse_target(spec.target->value) : std::nullopt;
  const std::string os = target ? virtio_os(*target) : "";
  if (os.empty()) {
    build.refuse(spec.target ? spec.target->origin : origin,
                 "virtio-guest-tools loads the drivers of the virtio-win folder for one Windows (w10, w11, 2k16 to "
                 "2k25), which the target must name",
                 "target: windows-11");
    return;
  }
  // Windows PE has cmd but no PowerShell. virtio-win_license.txt marks the
  // image's root; viostor (virtio-blk), vioscsi (virtio-scsi) and NetKVM are
  // loaded with drvload, as Setup's own "Load driver" does, before the
  // diskpart layout and the disk configuration look for the disk. X: is
  // Windows PE's own RAM disk.
  const std::string folder = "\\" + os + "\\" + virtio_arch(build.architecture) + "\\";
  append_commands(build, Pass::windowsPE, "Microsoft-Windows-Setup", "RunSynchronous/RunSynchronousCommand", "Path",
                  {generated("cmd /c for %d in (C D E F G H I J K L M N O P Q R S T U V W Y Z) do @if exist "
                             "%d:\\virtio-win_license.txt for %i in (viostor vioscsi NetKVM) do @if exist %d:\\%i" +
                                 folder + "%i.inf drvload %d:\\%i" + folder + "%i.inf",
                             origin)});
  // The guest tools (a WiX bundle: /install /quiet /norestart). Red Hat's
  // drivers are not all WHQL-signed: their signer goes to TrustedPublisher
  // first, or Windows asks "Would you like to install this device software?"
  // (virtio-win-guest-tools-installer issues 11 and 81).
  const std::string find =
      "$v = Get-Volume | Where-Object { $_.DriveLetter -and (Test-Path ('{0}:\\virtio-win-guest-tools.exe' -f "
      "$_.DriveLetter)) } | Select-Object -First 1; if (-not $v) { exit 1 }; $r = '{0}:\\' -f $v.DriveLetter; ";
  append_commands(
      build, Pass::oobeSystem, "Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand", "CommandLine",
      {generated("powershell -NoProfile -Command \"" + find +
                     "$c = (Get-AuthenticodeSignature (Join-Path $r 'NetKVM" + folder +
                     "netkvm.cat')).SignerCertificate; if (-not $c) { exit 1 }; $s = New-Object "
                     "Security.Cryptography.X509Certificates.X509Store 'TrustedPublisher', 'LocalMachine'; "
                     "$s.Open('ReadWrite'); $s.Add($c); $s.Close()\"",
                 origin),
       generated("powershell -NoProfile -Command \"" + find +
                     "$p = Start-Process (Join-Path $r 'virtio-win-guest-tools.exe') -ArgumentList '/install /quiet "
                     "/norestart' -Wait -PassThru; exit $p.ExitCode\"",
                 origin)});
}

}  // namespace unattend::detail::generation
