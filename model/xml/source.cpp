#include "xml/source.hpp"

namespace unattend::detail {

namespace {

bool xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// UTF-16 units of the UTF-8 sequence that starts with `lead`.
std::size_t utf16_units(unsigned char lead) { return lead >= 0xF0 ? 2 : 1; }

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

Source::Source(std::string_view bytes) : bytes_(bytes) {
  // Xerces does not count a UTF-8 byte-order mark in the first line's columns.
  line_starts_.push_back(bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    // XML reads CR LF and a lone CR as one line break.
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
    }
  }
}

std::optional<std::size_t> Source::offset(Position at) const {
  if (at.line == 0 || at.line > line_starts_.size() || at.column == 0) return std::nullopt;
  std::size_t i = line_starts_[at.line - 1];
  const std::size_t line_end = at.line < line_starts_.size() ? line_starts_[at.line] : bytes_.size();
  // The column is that of the next character, 1-based.
  for (std::uint64_t units = 1; units < at.column;) {
    if (i >= line_end) return std::nullopt;
    const auto lead = static_cast<unsigned char>(bytes_[i]);
    units += utf16_units(lead);
    i += utf8_length(lead);
  }
  return i <= bytes_.size() ? std::optional<std::size_t>(i) : std::nullopt;
}

Position Source::position(std::size_t offset) const {
  std::size_t line = 0;
  while (line + 1 < line_starts_.size() && line_starts_[line + 1] <= offset) ++line;
  std::uint64_t column = 1;
  for (std::size_t i = line_starts_[line]; i < offset && i < bytes_.size();) {
    const auto lead = static_cast<unsigned char>(bytes_[i]);
    column += utf16_units(lead);
    i += utf8_length(lead);
  }
  return {line + 1, column};
}

std::optional<Source::Extent> Source::extent(Position start, Position end) const {
  const auto open_end = offset(start);
  const auto close_end = offset(end);
  if (!open_end || !close_end || *open_end == 0 || bytes_[*open_end - 1] != '>') return std::nullopt;
  Extent e;
  e.open_end = *open_end;
  // '<' cannot appear unescaped in attribute values, so the first one back starts the tag.
  const auto lt = bytes_.rfind('<', e.open_end - 1);
  if (lt == std::string_view::npos) return std::nullopt;
  e.open_begin = lt;
  e.empty = e.open_end >= 2 && bytes_[e.open_end - 2] == '/';
  if (e.empty) {
    e.close_begin = e.close_end = e.open_end;
    return e;
  }
  if (*close_end <= e.open_end || bytes_[*close_end - 1] != '>') return std::nullopt;
  const auto close_lt = bytes_.rfind("</", *close_end - 1);
  if (close_lt == std::string_view::npos || close_lt < e.open_end) return std::nullopt;
  e.close_begin = close_lt;
  e.close_end = *close_end;
  return e;
}

std::string_view Source::white_space_before(std::size_t offset) const {
  std::size_t begin = offset;
  while (begin > 0 && xml_space(bytes_[begin - 1])) --begin;
  return bytes_.substr(begin, offset - begin);
}

std::optional<std::pair<std::size_t, std::size_t>> Source::attribute_value(const Extent& extent,
                                                                             std::string_view qname) const {
  const std::string_view tag = bytes_.substr(extent.open_begin, extent.open_end - extent.open_begin);
  for (std::size_t at = tag.find(qname); at != std::string_view::npos; at = tag.find(qname, at + 1)) {
    if (at == 0 || !xml_space(tag[at - 1])) continue;
    std::size_t i = at + qname.size();
    while (i < tag.size() && xml_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && xml_space(tag[i])) ++i;
    if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) continue;
    const auto close = tag.find(tag[i], i + 1);
    if (close == std::string_view::npos) return std::nullopt;
    return std::make_pair(extent.open_begin + i + 1, close - i - 1);
  }
  return std::nullopt;
}

TextEdit replace_content(const Source& source, const Source::Extent& e, std::string_view text, std::string_view escaped) {
  if (e.empty) {
    // <x/> becomes <x>text</x>: the start tag loses its '/', an end tag follows.
    const std::string_view tag = source.bytes().substr(e.open_begin, e.open_end - e.open_begin);
    std::size_t name_end = 1;
    while (name_end < tag.size() && !xml_space(tag[name_end]) && tag[name_end] != '/' && tag[name_end] != '>') ++name_end;
    std::string open(tag.substr(0, tag.size() - 2));
    while (!open.empty() && xml_space(open.back())) open.pop_back();
    return TextEdit{e.open_begin, tag.size(),
                    open + ">" + std::string(escaped) + "</" + std::string(tag.substr(1, name_end - 1)) + ">"};
  }
  const std::string_view content = source.bytes().substr(e.open_end, e.close_begin - e.open_end);
  const auto cdata_begin = content.find("<![CDATA[");
  const auto cdata_end = content.rfind("]]>");
  if (cdata_begin != std::string_view::npos && cdata_end != std::string_view::npos && cdata_end > cdata_begin &&
      content.find("<![CDATA[", cdata_begin + 1) == std::string_view::npos && text.find("]]>") == std::string_view::npos) {
    return TextEdit{e.open_end + cdata_begin + 9, cdata_end - cdata_begin - 9, std::string(text)};
  }
  return TextEdit{e.open_end, e.close_begin - e.open_end, std::string(escaped)};
}

}  // namespace unattend::detail
