#include "check/narrative.hpp"

#include <doctest/doctest.h>

using ogi::detail::find_application_counts;
using ogi::detail::find_proactive_totals;

TEST_CASE("application counts stated in prose") {
    auto s = find_application_counts("今年来，街道共收到依申请公开4件。");
    REQUIRE(s.size() == 1);
    CHECK(s[0].count == 4);
    s = find_application_counts("2024 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均按时答复。");
    REQUIRE(s.size() == 1);
    CHECK(s[0].count == 17);
    s = find_application_counts("全年共收到政府信息公开申请１２件（含上年结转2件）。");
    REQUIRE(s.size() == 1);
    CHECK(s[0].count == 12);
    CHECK(s[0].includes_carried_over);
    // not applications for information: reviews, petitions, hotline requests
    CHECK(find_application_counts("收到行政复议申请3件。").empty());
    CHECK(find_application_counts("收到群众诉求348件，现场解决162件。").empty());
    CHECK(find_application_counts("受理各类群众诉求259起。").empty());
    CHECK(find_application_counts("受理行政许可申请1234件。").empty());
    CHECK(find_application_counts("收到政府信息公开申请件数较上年增加3件。").empty());
}

TEST_CASE("proactive totals and their parts") {
    auto s = find_proactive_totals("累计主动公开政府信息81条，其中机构职能类3条，规划计划类2条，其他类信息14条；公开各类");
    REQUIRE(s.size() == 1);
    CHECK(s[0].total == 81);
    CHECK(s[0].parts == std::vector<std::int64_t>{3, 2, 14});
    s = find_proactive_totals("共公布政府信息2599条，(其中机构职能类信息25条，其他应主动公开政府信息856条)对于主动公开的");
    REQUIRE(s.size() == 1);
    CHECK(s[0].parts == std::vector<std::int64_t>{25, 856});
    // sub-parts in brackets are not parts of the total
    s = find_proactive_totals("主动公开信息100条，其中财政信息60条（预算30条、决算30条），其他40条。");
    REQUIRE(s.size() == 1);
    CHECK(s[0].parts == std::vector<std::int64_t>{60, 40});
    // channels overlap; they are not parts
    CHECK(find_proactive_totals("主动公开政府信息1200条，其中通过门户网站发布1000条，政务微博发布800条。").empty());
    // a total of something else
    CHECK(find_proactive_totals("今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条。").empty());
}
