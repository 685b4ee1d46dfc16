#pragma once

// Text from answer files reaches the terminal in messages and timelines; file
// content must never drive the terminal. XML 1.0 already refuses most C0
// controls, but it allows C1 ones (U+0080..U+009F: U+009B is CSI, an escape
// sequence's start on many terminals), DEL and character references to tab.

#include <string>
#include <string_view>

namespace unattend::cli {

// `text` with every control character but line feed and tab (C0, DEL, C1)
// and every bidirectional control (U+202E and its kin) shown as <U+XXXX>;
// everything else as it is.
// one_line: a newline is shown as <U+000A> too (a diagnostic is one line;
// a value with &#10; must not start a forged one).
std::string terminal_safe(std::string_view text, bool one_line = false);

}  // namespace unattend::cli
