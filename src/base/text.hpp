// Internal: text decoding and the normalisation used to match the form's labels in real reports.
#pragma once

#include <string>
#include <string_view>

namespace ogi::detail {

enum class Encoding { utf8, utf8_bom, gb18030, utf8_repaired };

/// The input as UTF-8: checked, BOM removed, or converted from GB18030 when it is not UTF-8.
std::string decode_text(std::string_view bytes, Encoding& detected);

/// The form of a label used for matching: NFKC (full-width → half-width), traditional →
/// simplified characters of the form's vocabulary, quotes unified, "1、" → "1.", no white space.
std::string normalise_label(std::string_view text);
/// The same by utf8proc's NFKC on the whole text, the general path of normalise_label (which
/// skips utf8proc for text whose NFKC form it knows); tests compare the two.
std::string normalise_label_slow(std::string_view text);

/// The code point at s[i] (an invalid byte is U+FFFD, one byte long); moves i past it. The one
/// lenient UTF-8 decoder of the library: to_code_points() and the narrative scanner use it.
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = 0xFFFD;
    std::size_t n = 1;
    if (c < 0x80) cp = c;
    else if ((c >> 5) == 0x6 && i + 1 < s.size()) cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu), n = 2;
    else if ((c >> 4) == 0xE && i + 2 < s.size())
        cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu), n = 3;
    else if ((c >> 3) == 0x1E && i + 3 < s.size())
        cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu), n = 4;
    i += n;
    return cp;
}

/// UTF-8 text as code points (an invalid byte becomes U+FFFD), and back.
std::u32string to_code_points(std::string_view utf8);
std::string to_utf8(std::u32string_view code_points);

/// Number of characters (code points) in UTF-8 text.
std::size_t char_count(std::string_view text);

/// Edit distance (insertions, deletions, substitutions of characters) between two UTF-8
/// texts, or `limit + 1` as soon as it is known to exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace ogi::detail
