// The text helpers under label matching: normalisation and edit distance.
#include "base/text.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using ogi::detail::edit_distance;
using ogi::detail::normalise_label;

TEST_CASE("labels are normalised the same way on both sides") {
    CHECK(normalise_label("第二十条第（一）项") == normalise_label("第二十条第(一)项"));
    CHECK(normalise_label("商业 企业") == "商业企业");
    CHECK(normalise_label("規範性檔案") == "规范性文件");
    CHECK(normalise_label("行政強製") == "行政强制");
    CHECK(normalise_label("3.危及“三安全一稳定”") == normalise_label("3.危及\"三安全一稳定\""));
    CHECK(normalise_label("1、申请人无正当理由") == normalise_label("1.申请人无正当理由"));
    CHECK(normalise_label("本年收费金额（单位：万元）") == "本年收费金额(单位:万元)");
}

namespace {
std::string utf8(char32_t c) { return ogi::detail::to_utf8(std::u32string(1, c)); }
std::string nfkc(const std::string& s) {
    utf8proc_uint8_t* p = utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
    std::string out = p ? reinterpret_cast<const char*>(p) : "(invalid)";
    std::free(p);
    return out;
}
}  // namespace

TEST_CASE("the fast path of normalisation agrees with utf8proc's NFKC") {
    // Every code point the fast path takes as its own NFKC form is so, and combines with nothing.
    std::vector<char32_t> fast;
    for (char32_t c = 0x20; c < 0x7F; ++c) fast.push_back(c);
    for (char32_t c = 0x4E00; c <= 0x9FFF; ++c) fast.push_back(c);
    for (char32_t c = 0x3001; c <= 0x301F; ++c) fast.push_back(c);
    for (char32_t c : {U'\t', U'\r', U'\n', char32_t{0x2014}, char32_t{0x2018}, char32_t{0x2019}, char32_t{0x201C},
                       char32_t{0x201D}})
        fast.push_back(c);
    std::size_t wrong = 0;
    for (char32_t c : fast) {
        if (nfkc(utf8(c)) != utf8(c)) ++wrong;
        if (utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->combining_class != 0) ++wrong;
    }
    CHECK(wrong == 0);
    // The full-width twins of ASCII are ASCII under NFKC, one for one.
    for (char32_t c = 0xFF01; c <= 0xFF5E; ++c) CHECK(nfkc(utf8(c)) == utf8(c - 0xFEE0));

    // Random texts from the fast set, full-width forms, spaces, 檔案 and characters NFKC does
    // change (① ㈠ ﹙ é, a combining accent, a compatibility ideograph, a NUL, a stray byte):
    // both paths give the same label.
    const std::vector<std::string> other = {"①", "㈠", "﹙", "é", "e\xCC\x81", "\xEF\xA4\x80", std::string(1, '\0'),
                                            "\xE4\xB8", "\xFF", "　", "\xC2\xA0", "檔案", "１、", "（", "）", "：",
                                            "檔", "案", "、", "．", "＂", "【", "〕", "…", "™", "ｶ"};
    std::mt19937 rng(20261128);
    std::size_t differ = 0, cases = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const int n = static_cast<int>(rng() % 12);
        const bool mixed = rng() % 4 == 0;
        for (int k = 0; k < n; ++k) {
            if (mixed && rng() % 3 == 0) s += other[rng() % other.size()];
            else if (rng() % 5 == 0) s += other[9 + rng() % (other.size() - 9)];
            else s += utf8(fast[rng() % fast.size()]);
        }
        ++cases;
        if (normalise_label(s) != ogi::detail::normalise_label_slow(s)) {
            ++differ;
            MESSAGE("differs: ", s);
        }
    }
    CHECK(cases == 20000);
    CHECK(differ == 0);
    CHECK(normalise_label("檔檔案案") == "檔文件案");
    CHECK(normalise_label("第３條") == "第3条");
}

TEST_CASE("edit distance counts characters, not bytes, and stops at its limit") {
    CHECK(edit_distance("2.其他法律行政止公开", "2.其他法律行政法规禁止公开", 5) == 3);
    CHECK(edit_distance("规章", "规章", 0) == 0);
    CHECK(edit_distance("行政许可", "行政处罚", 5) == 2);
    CHECK(edit_distance("abc", "abcdefgh", 2) == 3);  // over the limit: limit + 1
    CHECK(edit_distance("", "", 0) == 0);
}

TEST_CASE("char_count counts the characters of UTF-8 text, eight bytes at a time or one") {
    const std::string seed = test::read_file("tests/corpus/seed/liucheng-2020.txt");
    for (std::size_t from = 0; from < 16; ++from)
        for (std::size_t len : {0, 1, 7, 8, 9, 15, 16, 17, 100, 1000}) {
            const std::string_view s = std::string_view(seed).substr(from, len);
            std::size_t naive = 0;
            for (char c : s) naive += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            CHECK(ogi::detail::char_count(s) == naive);
        }
    CHECK(ogi::detail::char_count(seed) == ogi::detail::to_code_points(seed).size());
}
