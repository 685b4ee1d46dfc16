#pragma once

// Edits of a text's bytes, as `unattend fix`, the editor's code actions and
// AnswerFile::to_xml (keeping the file's own layout) make them: each says what
// to replace in the original bytes, so that everything else stays as it was.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/error.hpp>

namespace unattend {

// Replace `length` bytes at `offset` with `text`.
struct TextEdit {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string text;
};

// `bytes` with `edits` applied, all against `bytes` as given (offsets do not
// move with earlier edits). At one offset, insertions (length 0) go first, in
// their given order, then the edit that replaces bytes there.
// Throws unattend::Error, a broken precondition of the caller, when an edit
// reaches past the end of `bytes` or two edits replace some of the same bytes
// (an insertion strictly inside a replaced range counts): applying them
// anyway would drop or garble one of them.
[[nodiscard]] std::string apply_edits(std::string_view bytes, std::vector<TextEdit> edits);

}  // namespace unattend
