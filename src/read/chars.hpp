// Internal: the few character tests of reading, on UTF-8 bytes (the white space, digits and
// separators that real reports use, full-width forms included).
#pragma once

#include "base/text.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace ogi::read {

inline std::u32string to_u32(std::string_view s) { return detail::to_code_points(s); }
inline std::string to_u8(std::u32string_view s) { return detail::to_utf8(s); }

inline bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x3000 || c == U'\r' || c == U'\f' || c == U'\v';
}
inline bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
inline char digit_char(char32_t c) { return static_cast<char>(c >= U'０' ? U'0' + (c - U'０') : c); }

/// Bytes of the UTF-8 character that starts with this byte.
inline std::size_t utf8_length(unsigned char lead) { return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

/// The length of the white space (is_space) that starts `s`, or 0.
inline std::size_t space_at(std::string_view s) {
    if (s.empty()) return 0;
    const auto b = static_cast<unsigned char>(s[0]);
    if (b > ' ' && b != 0xC2 && b != 0xE3) [[likely]] return 0;  // most characters
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\f' || s[0] == '\v') return 1;  // \f: pdftotext's page break
    if (s.substr(0, 2) == "\xC2\xA0") return 2;       // U+00A0
    if (s.substr(0, 3) == "\xE3\x80\x80") return 3;  // U+3000
    return 0;
}

/// The length in bytes of the character at s[i] (1 for a stray byte), never past the end.
inline std::size_t char_length(std::string_view s, std::size_t i) {
    return std::min(utf8_length(static_cast<unsigned char>(s[i])), s.size() - i);
}

/// Whether the character at s[i] is a digit, ASCII or full-width.
inline bool is_digit_at(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= '0' && b <= '9') return true;
    return s.substr(i, 2) == "\xEF\xBC" && i + 2 < s.size() && static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
           static_cast<unsigned char>(s[i + 2]) <= 0x99;
}

inline std::string_view trim_view(std::string_view s) {
    while (const std::size_t n = space_at(s)) s.remove_prefix(n);
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\f' || s.back() == '\v'))
            s.remove_suffix(1);
        else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
        else break;
    }
    return s;
}

inline std::string trim(std::string_view s) { return std::string(trim_view(s)); }

/// Whether every byte of `s` is an ASCII digit (true for empty text).
inline bool ascii_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace ogi::read
