#include "base/text.hpp"

#include <utf8proc.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <cstdlib>
#include <iconv.h>
#include <memory>
#include <optional>
#include <algorithm>
#include <unordered_map>
#include <vector>

namespace ogi::detail {
namespace {


std::size_t decode_one(std::string_view s, std::size_t i, char32_t& cp);

bool strictly_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // Eight ASCII bytes at a time: HTML is mostly ASCII markup around the Chinese text.
        std::uint64_t word;
        while (i + 8 <= s.size() && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ULL) == 0)) i += 8;
        if (i >= s.size()) break;
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        if (b0 > 0xE0 && b0 < 0xF0 && b0 != 0xED && i + 2 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
            (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
            i += 3;  // E1..EC, EE, EF: any two continuation bytes make a valid character
            continue;
        }
        char32_t cp;
        const std::size_t n = decode_one(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::optional<std::string> from_gb18030(std::string_view s) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out(s.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(s.data());
    std::size_t in_left = s.size();
    std::size_t written = 0;
    bool ok = true;
    while (in_left > 0) {
        char* o = out.data() + written;
        std::size_t o_left = out.size() - written;
        const std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
        written = out.size() - o_left;
        if (r == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) {
                out.resize(out.size() * 2);
                continue;
            }
            ok = false;
            break;
        }
    }
    iconv_close(cd);
    if (!ok) return std::nullopt;
    out.resize(written);
    return out;
}

std::string repair_utf8(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        utf8proc_int32_t cp;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
        } else {
            out.append(s.substr(i, static_cast<std::size_t>(n)));
            i += static_cast<std::size_t>(n);
        }
    }
    return out;
}

// Traditional forms seen in machine-converted mirrors of reports (文件→檔案, 强制→強製, 只→隻),
// limited to the vocabulary of the form's labels.
const std::unordered_map<char32_t, char32_t>& traditional() {
    static const std::unordered_map<char32_t, char32_t> m = [] {
        const std::u32string from = U"規範項條資開數據處權錄請決務內機關構業織訴議複結維審強製許費採購總計額與繼續辦轉發廢現類屬國祕險穩護隻無難補確認產號區設應見學術專會團體師為來將對當從個們過後達還進選證實單報圖書檢驗於經濟預標準題動態舉聯級點歸齊營運識執實議請結轉屬險詢職務問際據負責費權於陳訊門戶網統納並兩條獲訪復糾萬罰組況係沒繳紀錄";
        const std::u32string to   = U"规范项条资开数据处权录请决务内机关构业织诉议复结维审强制许费采购总计额与继续办转发废现类属国秘险稳护只无难补确认产号区设应见学术专会团体师为来将对当从个们过后达还进选证实单报图书检验于经济预标准题动态举联级点归齐营运识执实议请结转属险询职务问际据负责费权于陈讯门户网统纳并两条获访复纠万罚组况系没缴纪录";
        std::unordered_map<char32_t, char32_t> t;
        for (std::size_t i = 0; i < from.size() && i < to.size(); ++i) t.emplace(from[i], to[i]);
        return t;
    }();
    return m;
}


}  // namespace

std::string decode_text(std::string_view bytes, Encoding& detected) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);
        detected = strictly_valid_utf8(bytes) ? Encoding::utf8_bom : Encoding::utf8_repaired;
        return detected == Encoding::utf8_bom ? std::string(bytes) : repair_utf8(bytes);
    }
    if (strictly_valid_utf8(bytes)) {
        detected = Encoding::utf8;
        return std::string(bytes);
    }
    if (auto gb = from_gb18030(bytes)) {
        detected = Encoding::gb18030;
        return *gb;
    }
    detected = Encoding::utf8_repaired;
    return repair_utf8(bytes);
}

namespace {

/// A bit per CJK unified ideograph (U+4E00..U+9FFF): whether the traditional table maps it. Most
/// ideographs are not in it, and this answers without hashing.
const std::vector<bool>& traditional_listed() {
    static const std::vector<bool> bits = [] {
        std::vector<bool> b(0xA000 - 0x4E00);
        for (const auto& [from, to] : traditional())
            if (from >= 0x4E00 && from <= 0x9FFF) b[from - 0x4E00] = true;
        return b;
    }();
    return bits;
}

/// The steps after NFKC, on one code point; `prev` is the last code point kept. Returns 0 for a
/// code point that is dropped (white space).
char32_t fold(char32_t c, char32_t prev) {
    if (c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == 0xA0 || c == 0x3000) return 0;
    if (c == U'“' || c == U'”' || c == U'「' || c == U'」' || c == U'″' || c == U'＂') return U'"';
    if (c == U'‘' || c == U'’') return U'\'';
    if (c == U'【' || c == U'〔' || c == U'[') return U'(';
    if (c == U'】' || c == U'〕' || c == U']') return U')';
    if (c == U'、' && prev >= U'0' && prev <= U'9') return U'.';
    if (c == U'．') return U'.';
    if (c >= 0x4E00 && c <= 0x9FFF && !traditional_listed()[c - 0x4E00]) return c;
    if (c >= 0x4E00)
        if (auto it = traditional().find(c); it != traditional().end()) return it->second;
    return c;
}

/// Code points whose NFKC form is themselves and which cannot take part in a composition with a
/// neighbour of the same set, so that text made only of them needs no call to utf8proc: printable
/// ASCII and the white space above, CJK unified ideographs, CJK punctuation 、。〃々〆〇 and the
/// brackets, the dashes and quotes of Chinese text. Full-width ASCII twins (U+FF01..U+FF5E) are
/// mapped by NFKC to ASCII one for one, which the fast path does itself. tests/text_test.cpp
/// checks the whole set against utf8proc.
bool nfkc_stable(char32_t c) {
    return (c >= 0x20 && c < 0x7F) || c == U'\t' || c == U'\r' || c == U'\n' || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0x3001 && c <= 0x301F) || c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D;
}

void append_code_point(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        const char b[2] = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
        out.append(b, 2);
    } else if (c < 0x10000) {
        const char b[3] = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (c & 0x3F))};
        out.append(b, 3);
    } else {
        const char b[4] = {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
                           static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
        out.append(b, 4);
    }
}

/// The code point at s[i] if the bytes there are well-formed UTF-8 (shortest form, no surrogates),
/// and its length; 0 as length otherwise.
std::size_t decode_one(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
    auto bits = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
    if (b0 >= 0xC2 && b0 < 0xE0 && cont(1)) {
        cp = (static_cast<char32_t>(b0 & 0x1F) << 6) | bits(1);
        return 2;
    }
    if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2)) {
        cp = (static_cast<char32_t>(b0 & 0x0F) << 12) | (bits(1) << 6) | bits(2);
        return cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 < 0xF5 && cont(1) && cont(2) && cont(3)) {
        cp = (static_cast<char32_t>(b0 & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3);
        return cp >= 0x10000 && cp <= 0x10FFFF ? 4 : 0;
    }
    return 0;
}

}  // namespace

std::string normalise_label_slow(std::string_view text) {
    // NFKC maps full-width forms to their ASCII twins: （一） → (一), ：→ :, ２ → 2.
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> nfkc(
        utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(std::string(text).c_str())), &std::free);
    std::string_view s = nfkc ? std::string_view(reinterpret_cast<const char*>(nfkc.get())) : text;
    std::u32string cps;
    std::size_t i = 0;
    while (i < s.size()) {
        utf8proc_int32_t cp;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) {
            ++i;
            continue;
        }
        i += static_cast<std::size_t>(n);
        if (const char32_t c = fold(static_cast<char32_t>(cp), cps.empty() ? 0 : cps.back())) cps.push_back(c);
    }
    // Word-level conversion of the mirrors: 檔案 stands for 文件.
    for (std::size_t p; (p = cps.find(U"檔案")) != std::u32string::npos;) cps.replace(p, 2, U"文件");
    std::string out;
    for (char32_t c : cps) append_code_point(out, c);
    return out;
}

std::string normalise_label(std::string_view text) {
    // Nearly every cell of a report is ASCII, CJK ideographs and CJK punctuation, for which NFKC
    // changes nothing but the full-width ASCII twins; such text skips utf8proc, which was most of
    // the extractor's time. Anything else (or a NUL, which utf8proc would stop at) takes the
    // general path.
    std::string out;
    out.reserve(text.size());
    char32_t prev = 0;
    bool word = false;  // 檔 was the last code point kept
    const std::vector<bool>& listed = traditional_listed();
    for (std::size_t i = 0; i < text.size();) {
        char32_t c;
        const auto b0 = static_cast<unsigned char>(text[i]);
        if (b0 >= 0xE4 && b0 <= 0xE9 && i + 2 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) & 0xC0) == 0x80) {
            // A CJK ideograph (most of a report): kept as it is unless the tables below change it.
            c = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(text[i + 1] & 0x3F) << 6) |
                static_cast<char32_t>(text[i + 2] & 0x3F);
            if (c >= 0x4E00 && !listed[c - 0x4E00] && c != U'檔' && c != U'案') {
                out.append(text.data() + i, 3);
                prev = c;
                word = false;
                i += 3;
                continue;
            }
        }
        const std::size_t n = decode_one(text, i, c);
        if (n == 0 || c == 0) return normalise_label_slow(text);
        i += n;
        if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
        else if (c == 0xA0 || c == 0x3000) c = U' ';
        else if (!nfkc_stable(c)) return normalise_label_slow(text);
        c = fold(c, prev);
        if (c == 0) continue;
        if (word && c == U'案') {
            out.resize(out.size() - 3);  // 檔 is three bytes
            out += "文件";
            prev = U'件';
            word = false;
            continue;
        }
        word = c == U'檔';
        append_code_point(out, c);
        prev = c;
    }
    return out;
}

std::u32string to_code_points(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
    return out;
}

std::string to_utf8(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80) out += static_cast<char>(c);
        else if (c < 0x800) out += static_cast<char>(0xC0 | (c >> 6)), out += static_cast<char>(0x80 | (c & 0x3F));
        else if (c < 0x10000)
            out += static_cast<char>(0xE0 | (c >> 12)), out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                out += static_cast<char>(0x80 | (c & 0x3F));
        else
            out += static_cast<char>(0xF0 | (c >> 18)), out += static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
                out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)), out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    auto decode = [](std::string_view s) {
        std::u32string out;
        std::size_t i = 0;
        while (i < s.size()) {
            utf8proc_int32_t cp;
            const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
            if (n <= 0) {
                ++i;
                continue;
            }
            out.push_back(static_cast<char32_t>(cp));
            i += static_cast<std::size_t>(n);
        }
        return out;
    };
    const std::u32string x = decode(a), y = decode(b);
    const std::size_t gap = x.size() > y.size() ? x.size() - y.size() : y.size() - x.size();
    if (gap > limit) return limit + 1;
    // One row of the classic table at a time; stop when a whole row is past the limit.
    std::vector<std::size_t> prev(y.size() + 1), cur(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= y.size(); ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return limit + 1;
        std::swap(prev, cur);
    }
    return std::min(prev[y.size()], limit + 1);
}

std::size_t char_count(std::string_view text) {
    // Characters are the bytes that are not continuation bytes (10xxxxxx), counted eight at a
    // time: the reading engine counts the columns of every cell of a page this way.
    std::size_t n = 0, i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        const std::uint64_t continuation = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;  // a 1 in each such byte
        n += 8 - static_cast<std::size_t>((continuation * 0x0101010101010101ULL) >> 56);
    }
    for (; i < text.size(); ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return n;
}

}  // namespace ogi::detail
