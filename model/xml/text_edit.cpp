#include <unattend/text_edit.hpp>

#include <algorithm>

namespace unattend {

std::string apply_edits(std::string_view bytes, std::vector<TextEdit> edits) {
  // One pass from the front, copying what lies between the edits: replacing
  // in place would move the rest of the file once per edit.
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.offset != b.offset ? a.offset < b.offset : (a.length == 0) > (b.length == 0);
  });
  std::string out;
  out.reserve(bytes.size());
  std::size_t at = 0;
  for (const TextEdit& e : edits) {
    if (e.offset > bytes.size() || e.length > bytes.size() - e.offset) {
      throw Error("apply_edits: an edit of " + std::to_string(e.length) + " bytes at offset " + std::to_string(e.offset) +
                  " reaches past the end of the " + std::to_string(bytes.size()) + " bytes");
    }
    if (e.offset < at) {
      throw Error("apply_edits: the edit at offset " + std::to_string(e.offset) +
                  " overlaps another that replaces bytes up to offset " + std::to_string(at));
    }
    out.append(bytes.substr(at, e.offset - at));
    out.append(e.text);
    at = e.offset + e.length;
  }
  out.append(bytes.substr(at));
  return out;
}

}  // namespace unattend
