// The text helpers under label matching: normalisation and edit distance.
#include "text_util.hpp"

#include <doctest/doctest.h>

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

TEST_CASE("edit distance counts characters, not bytes, and stops at its limit") {
    CHECK(edit_distance("2.其他法律行政止公开", "2.其他法律行政法规禁止公开", 5) == 3);
    CHECK(edit_distance("规章", "规章", 0) == 0);
    CHECK(edit_distance("行政许可", "行政处罚", 5) == 2);
    CHECK(edit_distance("abc", "abcdefgh", 2) == 3);  // over the limit: limit + 1
    CHECK(edit_distance("", "", 0) == 0);
}
