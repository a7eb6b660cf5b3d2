// The drawn tables against the official layouts (form-reference.md §2.3–§2.5, §3.3–§3.5),
// cell for cell: header structure with its row and column spans, every value in its row,
// blanks empty, the marks of --check, escaping, and the text layout of the seed report.
#include "random_report.hpp"
#include "support.hpp"

#include <ogi/read/extract.hpp>
#include <ogi/write/render.hpp>

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

// ---- a small reader of the renderer's HTML: enough to see rows, cells and their attributes

struct HtmlCell {
    std::string tag, text, cls, path, title;
    int rowspan = 1, colspan = 1;
    std::string inner;  ///< everything between the tags (text and marks)
};
using HtmlRow = std::vector<HtmlCell>;

std::string attribute(std::string_view open_tag, std::string_view name) {
    std::string key = " ";  // appended, not " " + name: GCC 12 at -O3 warns falsely on that (-Wrestrict)
    key += name;
    key += "=\"";
    const auto at = open_tag.find(key);
    if (at == std::string_view::npos) return {};
    const auto start = at + key.size();
    return std::string(open_tag.substr(start, open_tag.find('"', start) - start));
}

/// The rows of the table with this id, each a list of its <th>/<td> cells.
std::vector<HtmlRow> table_rows(const std::string& html, const std::string& id) {
    std::vector<HtmlRow> rows;
    const auto begin = html.find("<table id=\"" + id + "\">");
    REQUIRE(begin != std::string::npos);
    const auto end = html.find("</table>", begin);
    std::size_t at = begin;
    while (true) {
        const auto tr = html.find("<tr>", at);
        if (tr == std::string::npos || tr > end) break;
        const auto tr_end = html.find("</tr>", tr);
        HtmlRow row;
        std::size_t p = tr + 4;
        while (p < tr_end) {
            const auto open = html.find('<', p);
            if (open >= tr_end) break;
            const std::string tag = html.substr(open + 1, 2);
            const auto close_open = html.find('>', open);
            const std::string open_tag = html.substr(open, close_open - open);
            const auto close = html.find("</" + tag + ">", close_open);
            HtmlCell c;
            c.tag = tag;
            c.inner = html.substr(close_open + 1, close - close_open - 1);
            c.text = c.inner.substr(0, c.inner.find("<sup"));
            c.cls = attribute(open_tag, "class");
            c.path = attribute(open_tag, "data-path");
            c.title = attribute(open_tag, "title");
            if (auto rs = attribute(open_tag, "rowspan"); !rs.empty()) c.rowspan = std::stoi(rs);
            if (auto cs = attribute(open_tag, "colspan"); !cs.empty()) c.colspan = std::stoi(cs);
            row.push_back(std::move(c));
            p = close + 5;
        }
        rows.push_back(std::move(row));
        at = tr_end;
    }
    return rows;
}

ogi::Report report_of(const boost::json::value& v) { return boost::json::value_to<ogi::Report>(v); }

std::string html_of(const boost::json::value& v, const std::vector<ogi::Diagnostic>* marks = nullptr,
                    ogi::Lang lang = ogi::Lang::zh) {
    ogi::RenderOptions o;
    o.marks = marks;
    o.lang = lang;
    return ogi::render(report_of(v), ogi::RenderFormat::html, o);
}

/// "label/rowspan/colspan" of each cell of a row, for comparing header rows at a glance.
std::vector<std::string> shape(const HtmlRow& row) {
    std::vector<std::string> out;
    for (const HtmlCell& c : row) out.push_back(c.text + "/" + std::to_string(c.rowspan) + "/" + std::to_string(c.colspan));
    return out;
}

const HtmlCell* find_cell(const std::vector<HtmlRow>& rows, std::string_view text) {
    for (const auto& r : rows)
        for (const auto& c : r)
            if (c.text == text) return &c;
    return nullptr;
}

/// The expected text of a report cell, from the JSON (independently of the renderer).
std::string expected_text(const boost::json::value& report, const std::string& pointer) {
    const boost::json::value& v = report.at_pointer(pointer);
    if (v.is_null()) return "";
    if (v.is_string()) return std::string(v.get_string());
    return boost::json::serialize(v);
}

/// Every data cell of the form that the report's layout draws is in the HTML exactly once, in
/// the row of its label, with the report's value; returns how many were seen.
std::size_t check_values(const boost::json::value& json, const std::string& html) {
    const ogi::Report report = report_of(json);
    const ogi::Form& form = report.form();
    std::map<std::string, std::pair<std::string, std::string>> seen;  // path -> (text, row label)
    for (const char* id : {"proactive", "applications", "reviews"})
        for (const HtmlRow& row : table_rows(html, id)) {
            std::string label;
            for (const HtmlCell& c : row)
                if (c.cls.starts_with("label")) label = c.text;
            for (const HtmlCell& c : row)
                if (!c.path.empty()) {
                    CHECK_MESSAGE(seen.count(c.path) == 0, c.path);
                    seen[c.path] = {c.text, label};
                }
        }
    std::size_t drawn = 0;
    for (std::size_t i = 0; i < form.cells().size(); ++i) {
        const ogi::CellDef& def = form.cells()[i];
        if (form.column(def).kind == ogi::CellKind::unit) continue;
        if (report.cells()[i].state == ogi::Cell::State::absent) {
            CHECK_MESSAGE(seen.count(def.pointer) == 0, def.pointer);
            continue;
        }
        ++drawn;
        REQUIRE_MESSAGE(seen.count(def.pointer) == 1, def.pointer);
        std::string want = expected_text(json, def.pointer);
        if (def.pointer == "/proactive/procurement/amount" && !want.empty()) want += "元";  // the seed's unit is yuan
        CHECK_MESSAGE(seen[def.pointer].first == want, def.pointer);
        if (form.tables()[def.table].key != "reviews") CHECK_MESSAGE(seen[def.pointer].second == form.row(def).label, def.pointer);
    }
    CHECK(seen.size() == drawn);
    return drawn;
}

void check_section_four(const std::vector<HtmlRow>& rows, const boost::json::value& json) {
    REQUIRE(rows.size() == 4);
    CHECK(shape(rows[0]) == std::vector<std::string>{"行政复议/1/5", "行政诉讼/1/10"});
    CHECK(shape(rows[1]) == std::vector<std::string>{"结果维持/2/1", "结果纠正/2/1", "其他结果/2/1", "尚未审结/2/1", "总计/2/1",
                                                     "未经复议直接起诉/1/5", "复议后起诉/1/5"});
    const std::vector<std::string> five = {"结果维持/1/1", "结果纠正/1/1", "其他结果/1/1", "尚未审结/1/1", "总计/1/1"};
    std::vector<std::string> ten = five;
    ten.insert(ten.end(), five.begin(), five.end());
    CHECK(shape(rows[2]) == ten);
    for (int r = 0; r < 3; ++r)
        for (const HtmlCell& c : rows[static_cast<std::size_t>(r)]) CHECK(c.tag == "th");
    REQUIRE(rows[3].size() == 15);
    const char* groups[] = {"administrative_review", "litigation_direct", "litigation_after_review"};
    const char* results[] = {"upheld", "corrected", "other", "pending", "total"};
    for (std::size_t i = 0; i < 15; ++i) {
        const std::string path = fmt::format("/reviews/{}/{}", groups[i / 5], results[i % 5]);
        CHECK(rows[3][i].tag == "td");
        CHECK(rows[3][i].path == path);
        CHECK(rows[3][i].text == expected_text(json, path));
    }
}

/// Section 三's header and label columns (form-reference.md §2.4, §3.4).
void check_section_three(const std::vector<HtmlRow>& rows, bool split_other) {
    REQUIRE(rows.size() == (split_other ? 3u + 25u : 3u + 23u));
    CHECK(shape(rows[0]) ==
          std::vector<std::string>{"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）/3/3", "申请人情况/1/7"});
    CHECK(shape(rows[1]) == std::vector<std::string>{"自然人/2/1", "法人或其他组织/1/5", "总计/2/1"});
    CHECK(shape(rows[2]) == std::vector<std::string>{"商业企业/1/1", "科研机构/1/1", "社会公益组织/1/1", "法律服务机构/1/1", "其他/1/1"});
    // data rows: label cells then 7 values, the row's width always 10
    std::vector<int> covered(10, 0);  // rows still covered by a rowspan, per column
    for (std::size_t r = 3; r < rows.size(); ++r) {
        int width = 0;
        for (int k = 0; k < 10; ++k)
            if (covered[static_cast<std::size_t>(k)] > 0) ++width;
        std::size_t x = 0;
        for (const HtmlCell& c : rows[r]) {
            while (x < 10 && covered[x] > 0) ++x;
            for (int k = 0; k < c.colspan; ++k) covered[x + static_cast<std::size_t>(k)] = c.rowspan;
            width += c.colspan;
            x += static_cast<std::size_t>(c.colspan);
        }
        CHECK_MESSAGE(width == 10, "row ", r);
        for (int& k : covered) k = std::max(0, k - 1);
        int values = 0;
        for (const HtmlCell& c : rows[r]) values += c.tag == "td" && !c.path.empty() ? 1 : 0;
        CHECK(values == 7);
    }
    const auto find = [&](std::string_view t) {
        const HtmlCell* c = find_cell(rows, t);
        REQUIRE_MESSAGE(c, t);
        return *c;
    };
    CHECK(find("一、本年新收政府信息公开申请数量").colspan == 3);
    CHECK(find("二、上年结转政府信息公开申请数量").colspan == 3);
    CHECK(find("四、结转下年度继续办理").colspan == 3);
    CHECK(find("三、本年度办理结果").rowspan == (split_other ? 22 : 20));
    CHECK(find("三、本年度办理结果").colspan == 1);
    CHECK(find("（一）予以公开").colspan == 2);
    CHECK(find("（二）部分公开（区分处理的，只计这一情形，不计其他情形）").colspan == 2);
    CHECK(find("（七）总计").colspan == 2);
    CHECK(find("（三）不予公开").rowspan == 8);
    CHECK(find("（四）无法提供").rowspan == 3);
    CHECK(find("（五）不予处理").rowspan == 5);
    CHECK(find("1.属于国家秘密").colspan == 1);
    if (split_other) {
        CHECK(find("（六）其他处理").rowspan == 3);
        CHECK(find("（六）其他处理").colspan == 1);
        CHECK(find("3.其他").colspan == 1);
    } else {
        CHECK(find("（六）其他处理").rowspan == 1);
        CHECK(find("（六）其他处理").colspan == 2);
        CHECK_FALSE(find_cell(rows, "3.其他"));
    }
}

}  // namespace

TEST_CASE("render: formats by name") {
    for (auto f : {ogi::RenderFormat::html, ogi::RenderFormat::markdown, ogi::RenderFormat::text})
        CHECK(ogi::parse_render_format(ogi::to_string(f)) == f);
    CHECK_FALSE(ogi::parse_render_format("pdf"));
}

TEST_CASE("render html, edition 2019: the seed report in the layout of the 2019 trial format") {
    const auto json = test::seed();
    const std::string html = html_of(json);
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("<title>南安市柳城街道办事处2020年政府信息公开工作年度报告</title>") != std::string::npos);
    CHECK(html.find("<style>") != std::string::npos);
    for (const char* external : {"<script", "<link", "src=", "url(", "@import"}) CHECK(html.find(external) == std::string::npos);
    for (const char* h : {"<h2>二、主动公开政府信息情况</h2>", "<h2>三、收到和处理政府信息公开申请情况</h2>",
                          "<h2>四、政府信息公开行政复议、行政诉讼情况</h2>"})
        CHECK(html.find(h) != std::string::npos);

    // section 二: five blocks, each a heading row across the table, a header row, data rows
    const auto two = table_rows(html, "proactive");
    REQUIRE(two.size() == 5 * 2 + 8);
    CHECK(shape(two[0]) == std::vector<std::string>{"第二十条第（一）项/1/4"});
    CHECK(shape(two[1]) == std::vector<std::string>{"信息内容/1/1", "本年新制作数量/1/1", "本年新公开数量/1/1", "对外公开总数量/1/1"});
    CHECK(shape(two[5]) == std::vector<std::string>{"信息内容/1/1", "上一年项目数量/1/1", "本年增/减/1/1", "处理决定数量/1/1"});
    const HtmlCell* fees_heading = find_cell(two, "第二十条第（八）项");
    REQUIRE(fees_heading);
    CHECK(fees_heading->colspan == 4);
    CHECK(shape(two[13]) == std::vector<std::string>{"信息内容/1/1", "上一年项目数量/1/1", "本年增/减/1/2"});
    CHECK(shape(two[16]) == std::vector<std::string>{"信息内容/1/1", "采购项目数量/1/1", "采购总金额/1/2"});
    CHECK(shape(two[17]) == std::vector<std::string>{"政府集中采购/1/1", "13/1/1", "38297元/1/2"});
    CHECK(html.find("单位") == std::string::npos);  // the unit column is not drawn
    CHECK(html.find("amount_unit") == std::string::npos);

    check_section_three(table_rows(html, "applications"), false);
    check_section_four(table_rows(html, "reviews"), json);
    CHECK(check_values(json, html) == 22 + 161 + 15);
    CHECK(html.find("检查结果") == std::string::npos);  // no marks asked for
}

TEST_CASE("render html, edition 2021: 淮安 2024 in the layout of 国办公开办函〔2021〕30号") {
    const auto json = test::huaian();
    const std::string html = html_of(json);
    const auto two = table_rows(html, "proactive");
    REQUIRE(two.size() == 4 * 2 + 6);
    CHECK(shape(two[1]) == std::vector<std::string>{"信息内容/1/1", "本年制发件数/1/1", "本年废止件数/1/1", "现行有效件数/1/1"});
    CHECK(shape(two[5]) == std::vector<std::string>{"信息内容/1/1", "本年处理决定数量/1/3"});  // spans the 3 value columns
    CHECK(shape(two[12]) == std::vector<std::string>{"信息内容/1/1", "本年收费金额（单位：万元）/1/3"});
    CHECK(two[13][1].path == "/proactive/fees/amount_wan_yuan");
    CHECK(two[13][1].colspan == 3);
    check_section_three(table_rows(html, "applications"), true);
    check_section_four(table_rows(html, "reviews"), json);
    CHECK(check_values(json, html) == 10 + 175 + 15);
}

TEST_CASE("render: each layout of （六）其他处理 in each edition") {
    // a 2019-edition report with the three-row （六）, and a 2021-edition one with the single row
    auto seed = test::seed();
    auto& apps = seed.at("applications").as_object();
    const boost::json::value other = apps.at("other");
    apps.erase("other");
    apps["other_overdue_correction"] = other;
    apps["other_overdue_fee"] = boost::json::parse(R"({"natural_person":0,"commercial_enterprise":0,"research_institution":0,
        "social_welfare_organization":0,"legal_service_institution":0,"other_organization":0,"total":0})");
    apps["other_reasons"] = apps["other_overdue_fee"];
    REQUIRE(test::check(seed).count(ogi::Severity::error) == 0);
    std::string html = html_of(seed);
    check_section_three(table_rows(html, "applications"), true);
    check_values(seed, html);

    auto huaian = test::huaian();
    auto& h = huaian.at("applications").as_object();
    boost::json::object single;
    for (const auto& cell : h.at("other_reasons").as_object()) {
        std::int64_t sum = 0;
        for (const char* row : {"other_overdue_correction", "other_overdue_fee", "other_reasons"})
            sum += h.at(row).at(cell.key()).as_int64();
        single[cell.key()] = sum;
    }
    for (const char* row : {"other_overdue_correction", "other_overdue_fee", "other_reasons"}) h.erase(row);
    h["other"] = single;
    html = html_of(huaian);
    check_section_three(table_rows(html, "applications"), false);
    check_values(huaian, html);
}

TEST_CASE("render: blank cells are drawn empty, never 0") {
    auto json = test::seed();
    test::at(json, "/applications/granted/research_institution") = nullptr;
    test::at(json, "/reviews/litigation_direct/pending") = nullptr;
    test::at(json, "/proactive/procurement/amount") = nullptr;
    const std::string html = html_of(json);
    check_values(json, html);
    for (const char* id : {"applications", "reviews", "proactive"})
        for (const HtmlRow& row : table_rows(html, id))
            for (const HtmlCell& c : row)
                if (c.path == "/applications/granted/research_institution" || c.path == "/reviews/litigation_direct/pending" ||
                    c.path == "/proactive/procurement/amount")
                    CHECK_MESSAGE(c.inner.empty(), c.path);
    const std::string text = ogi::render(report_of(json), ogi::RenderFormat::text);
    CHECK(text.find("\t政府集中采购\n\t13\n\t\n") != std::string::npos);
}

TEST_CASE("render --check: the cells of the findings are marked, every finding is in the legend") {
    auto json = test::seed();
    test::at(json, "/applications/carried_forward/natural_person") = 1;  // a slip: the balance fails
    json.as_object()["published_on"] = "2021-04-02";                     // late: a warning not in any cell
    const auto result = test::check(json);
    REQUIRE(test::count(result, "OGI-T3-BALANCE", "/applications/carried_forward/natural_person") == 1);
    const auto errors = result.count(ogi::Severity::error), warnings = result.count(ogi::Severity::warning);
    REQUIRE(errors >= 1);
    REQUIRE(warnings >= 1);
    const std::string html = html_of(json, &result.diagnostics);

    CHECK(html.find(fmt::format("检查结果：错误 {} 个，警告 {} 个", errors, warnings)) != std::string::npos);
    CHECK(html.find("检查结果") < html.find("<table"));  // the count is at the top

    std::map<std::string, const ogi::Diagnostic*> at_cell;
    for (const auto& d : result.diagnostics) at_cell[d.path] = &d;
    std::size_t marked = 0;
    for (const char* id : {"proactive", "applications", "reviews"})
        for (const HtmlRow& row : table_rows(html, id))
            for (const HtmlCell& c : row) {
                const bool has_mark = c.cls.find("error") != std::string::npos || c.cls.find("warning") != std::string::npos ||
                                      c.cls.find("info") != std::string::npos;
                CHECK_MESSAGE(has_mark == (!c.path.empty() && at_cell.count(c.path) == 1), c.path);
                if (!has_mark) {
                    CHECK(c.inner.find("<sup") == std::string::npos);
                    if (c.cls.find("related") == std::string::npos) CHECK(c.title.empty());
                    continue;
                }
                ++marked;
                const ogi::Diagnostic& d = *at_cell[c.path];
                CHECK(c.cls.find(std::string(ogi::to_string(d.severity))) != std::string::npos);
                CHECK(c.title.find(std::string(d.rule)) != std::string::npos);
                CHECK(c.inner.find("<sup class=\"ref\"><a href=\"#d") != std::string::npos);
            }
    CHECK(marked >= 1);

    // the balance cell: class error, a hover title with rule and message, a numbered link to the legend
    std::size_t number = 0;
    for (std::size_t i = 0; i < result.diagnostics.size(); ++i)
        if (result.diagnostics[i].rule == "OGI-T3-BALANCE" && result.diagnostics[i].path == "/applications/carried_forward/natural_person")
            number = i + 1;
    const auto rows = table_rows(html, "applications");
    const HtmlRow& last = rows.back();
    REQUIRE(last.size() == 8);
    CHECK(last[0].text == "四、结转下年度继续办理");
    CHECK(last[1].path == "/applications/carried_forward/natural_person");
    CHECK(last[1].text == "1");
    CHECK(last[1].cls == "data error");
    CHECK(last[1].title.find("OGI-T3-BALANCE") != std::string::npos);
    CHECK(last[1].title.find("勾稽关系") != std::string::npos);
    CHECK(last[1].inner.find(fmt::format("<a href=\"#d{0}\" id=\"r{0}\">{0}</a>", number)) != std::string::npos);

    // the cells the balance adds up are outlined as related, with the finding's number
    std::map<std::string, std::string> titles;
    for (const HtmlRow& row : rows)
        for (const HtmlCell& c : row)
            if (!c.path.empty()) titles[c.path] = c.cls + "|" + c.title;
    for (const char* p : {"/applications/new_received/natural_person", "/applications/carried_over/natural_person",
                          "/applications/total/natural_person"}) {
        CHECK_MESSAGE(titles[p].starts_with("data related|参与计算："), p);
        CHECK_MESSAGE(titles[p].find(fmt::format("[{}] OGI-T3-BALANCE", number)) != std::string::npos, p);
    }
    CHECK(titles["/applications/granted/natural_person"] == "data|");

    // the legend: every diagnostic, with rule id, severity, message and numbers
    const auto legend = html.find("<ol class=\"legend\">");
    REQUIRE(legend != std::string::npos);
    for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
        const ogi::Diagnostic& d = result.diagnostics[i];
        const auto li = html.find(fmt::format("<li id=\"d{}\"", i + 1), legend);
        REQUIRE_MESSAGE(li != std::string::npos, d.rule);
        const std::string item = html.substr(li, html.find("</li>", li) - li);
        CHECK(item.find(std::string(d.rule)) != std::string::npos);
        CHECK(item.find(d.severity == ogi::Severity::error ? "错误" : d.severity == ogi::Severity::warning ? "警告" : "提示") !=
              std::string::npos);
        if (d.expected) CHECK(item.find(fmt::format("应为 {}", *d.expected)) != std::string::npos);
        if (d.actual) CHECK(item.find(fmt::format("实为 {}", *d.actual)) != std::string::npos);
        if (d.path == "/published_on") CHECK(item.find("不在表格中") != std::string::npos);
    }
    CHECK(html.find("/published_on") != std::string::npos);

    // in English
    const std::string en = html_of(json, &result.diagnostics, ogi::Lang::en);
    CHECK(en.find("<html lang=\"en\">") != std::string::npos);
    CHECK(en.find(fmt::format("{} error", errors)) != std::string::npos);
    CHECK(en.find(result.diagnostics.front().message_en.substr(0, 20)) != std::string::npos);

    // a clean report with marks asked for says so
    const auto clean = test::check(test::seed());
    CHECK(html_of(test::seed(), &clean.diagnostics).find("检查结果：未发现问题") != std::string::npos);
}

TEST_CASE("render: text is escaped in every format") {
    auto json = test::seed();
    json.at("agency").as_object()["name"] = "柳城<b>&\"街道'|*";
    const std::string html = html_of(json);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("<title>柳城&lt;b&gt;&amp;&quot;街道&#39;|*2020年") != std::string::npos);
    CHECK(html.find("<h1>柳城&lt;b&gt;&amp;&quot;街道&#39;|*") != std::string::npos);
    const std::string md = ogi::render(report_of(json), ogi::RenderFormat::markdown);
    CHECK(md.find("# 柳城&lt;b&gt;&amp;\"街道'\\|\\*2020年") != std::string::npos);
}

TEST_CASE("render markdown: GitHub tables, merged cells written once") {
    const std::string md = ogi::render(report_of(test::seed()), ogi::RenderFormat::markdown);
    CHECK(md.find("合并单元格只写在其左上角的位置") != std::string::npos);
    CHECK(md.find("## 二、主动公开政府信息情况\n\n| 第二十条第（一）项 |  |  |  |\n|---|---|---|---|\n| 信息内容 | 本年新制作数量 |") !=
          std::string::npos);
    CHECK(md.find("\n| 政府集中采购 | 13 | 38297元 |  |\n") != std::string::npos);
    CHECK(md.find("\n| 三、本年度办理结果 | （一）予以公开 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n") != std::string::npos);
    CHECK(md.find("\n|  | （三）不予公开 | 1.属于国家秘密 | 0 |") != std::string::npos);
    CHECK(md.find("\n|  |  | 2.其他法律行政法规禁止公开 | 0 |") != std::string::npos);
    CHECK(md.find("\n| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 3 | 0 | 3 | 0 | 0 | 0 | 0 | 0 |\n") != std::string::npos);
    // every table line of a table has the same number of cells
    std::size_t pipes = 0;
    std::size_t pos = md.find("## 三、");
    for (std::size_t line = md.find("\n|", pos); line != std::string::npos && line < md.find("## 四、"); line = md.find("\n|", line + 1)) {
        const std::string l = md.substr(line + 1, md.find('\n', line + 1) - line - 1);
        const auto n = static_cast<std::size_t>(std::count(l.begin(), l.end(), '|'));
        if (pipes == 0) pipes = n;
        CHECK(n == pipes);
    }
    CHECK(pipes == 11);
}

TEST_CASE("render text: the seed's own flattened tables") {
    // tests/data/liucheng-2020-*.txt are the table lines of the seed text
    // (corpus/seed/liucheng-2020.txt) with two edits: a label the page wrapped inside its
    // cell (本年新\n制作数量) is on one line, and the 采购项目数量 cell "13件" is "13", as the
    // report JSON holds the count.
    const std::string text = ogi::render(report_of(test::seed()), ogi::RenderFormat::text);
    for (const char* part : {"proactive", "applications", "reviews"}) {
        const std::string want = test::read_file(fmt::format("tests/data/liucheng-2020-{}.txt", part));
        REQUIRE_FALSE(want.empty());
        CHECK_MESSAGE(text.find(want) != std::string::npos, part);
    }
    CHECK(text.find("二、主动公开政府信息情况\n\n\t第二十条第（一）项\n\n\t信息内容\n") != std::string::npos);
    CHECK(text.starts_with("南安市柳城街道办事处2020年政府信息公开工作年度报告\n"));
}

TEST_CASE("render text and markdown with marks: numbered marks and a list of the findings") {
    auto json = test::seed();
    test::at(json, "/applications/carried_forward/natural_person") = 1;
    const auto result = test::check(json);
    ogi::RenderOptions o;
    o.marks = &result.diagnostics;
    const std::string text = ogi::render(report_of(json), ogi::RenderFormat::text, o);
    CHECK(text.find("\t四、结转下年度继续办理\n\t1 [") != std::string::npos);
    CHECK(text.find("OGI-T3-BALANCE") != std::string::npos);
    const std::string md = ogi::render(report_of(json), ogi::RenderFormat::markdown, o);
    CHECK(md.find("| 四、结转下年度继续办理 |  |  | 1 **\\[") != std::string::npos);
    CHECK(md.find("OGI-T3-BALANCE") != std::string::npos);
}

// ---------------------------------------------------------------- what a published report prints

TEST_CASE("render: the official title, the narrative and the signature, as a published report prints them") {
    const ogi::Report seed = report_of(test::seed());
    const std::string html = ogi::render(seed, ogi::RenderFormat::html);
    const std::string title = "南安市柳城街道办事处2020年政府信息公开工作年度报告";
    CHECK(html.find("<h1>" + title + "</h1>") != std::string::npos);
    // the sections in the report's order: 一, the tables 二 三 四, then 五 and 六, then the signature
    std::size_t at = 0;
    for (const char* part : {"<h2>一、总体情况</h2>", "<p>（一）主动公开内容的公开情况</p>", "<h2>二、主动公开政府信息情况</h2>",
                             "<h2>三、收到和处理政府信息公开申请情况</h2>", "<h2>四、政府信息公开行政复议、行政诉讼情况</h2>",
                             "<h2>五、政府信息公开工作存在的主要问题及改进情况</h2>", "<p>（二）改进措施</p>",
                             "<h2>六、其他需要报告的事项</h2>", "<p>无。</p>",
                             "<div class=\"signature\">\n<p>南安市柳城街道办事处</p>\n<p>2021年1月5日</p>\n</div>"}) {
        const auto found = html.find(part, at);
        CHECK_MESSAGE(found != std::string::npos, part);
        if (found != std::string::npos) at = found;
    }
    // an English page: the page's own words change, the report's words do not
    ogi::RenderOptions en;
    en.lang = ogi::Lang::en;
    const std::string page = ogi::render(seed, ogi::RenderFormat::html, en);
    CHECK(page.find("<title>" + title + "</title>") != std::string::npos);
    CHECK(page.find("<h1 lang=\"zh-CN\">" + title + "</h1>") != std::string::npos);
    CHECK(page.find("Tables: the 2019 trial format") != std::string::npos);
    CHECK(page.find("<p>2021年1月5日</p>") != std::string::npos);

    const std::string text = ogi::render(seed, ogi::RenderFormat::text);
    CHECK(text.find("\n一、总体情况\n今年来，柳城街道办事处") != std::string::npos);
    CHECK(text.ends_with("\n六、其他需要报告的事项\n无。\n\n南安市柳城街道办事处\n2021年1月5日\n"));
    const std::string md = ogi::render(seed, ogi::RenderFormat::markdown);
    CHECK(md.find("\n## 五、政府信息公开工作存在的主要问题及改进情况\n\n（一）存在的主要问题\n") != std::string::npos);
    CHECK(md.find("\n1、加强队伍建设") != std::string::npos);
    CHECK(md.ends_with("\n无。\n\n南安市柳城街道办事处\n\n2021年1月5日\n"));

    // without narrative or date: no empty section, no signature
    ogi::Report bare = seed;
    bare.narrative = {};
    bare.published_on.reset();
    const std::string plain = ogi::render(bare, ogi::RenderFormat::html);
    CHECK(plain.find("一、总体情况") == std::string::npos);
    CHECK(plain.find("六、") == std::string::npos);
    CHECK(plain.find("signature\"") == std::string::npos);
    // a line that would start a Markdown list or heading stays a paragraph
    bare.narrative.problems = "1. 加强队伍建设\n# 充实\n- 宣传";
    const std::string md2 = ogi::render(bare, ogi::RenderFormat::markdown);
    CHECK(md2.find("\n1\\. 加强队伍建设\n\n\\# 充实\n\n\\- 宣传\n") != std::string::npos);
}

namespace {

/// The extractor reads back what the renderer drew: the whole report, except `source` (where
/// the data came from), which extraction does not carry.
void check_round_trip(const ogi::Report& original, ogi::RenderFormat format, ogi::Lang lang = ogi::Lang::zh) {
    ogi::RenderOptions o;
    o.lang = lang;
    const std::string page = ogi::render(original, format, o);
    const ogi::ExtractResult res = ogi::extract(page);
    REQUIRE(res.report);
    ogi::Report got = *res.report;
    CHECK(got.edition() == original.edition());
    CHECK(got.year == original.year);
    CHECK(got.agency.name == original.agency.name);
    CHECK(got.agency.kind == original.agency.kind);
    CHECK(got.published_on == original.published_on);
    CHECK(got.narrative.overview == original.narrative.overview);
    CHECK(got.narrative.problems == original.narrative.problems);
    CHECK(got.narrative.other_matters == original.narrative.other_matters);
    CHECK(got.has_single_other() == original.has_single_other());
    CHECK(got.cells() == original.cells());
    const ogi::Form& f = original.form();
    for (std::size_t i = 0, shown = 0; i < f.cells().size() && shown < 5; ++i)
        if (!(got.cells()[i] == original.cells()[i])) {
            ++shown;
            MESSAGE("differs: ", f.cells()[i].pointer);
        }
    CHECK(res.complete);
    // at most notes (a unit read with its amount), and the warning that the layout of （六） is the
    // other edition's when the report has it so
    const bool mixed = (original.edition() == ogi::Edition::e2019) != original.has_single_other();
    for (const ogi::Diagnostic& d : res.diagnostics)
        CHECK_MESSAGE((d.severity == ogi::Severity::info || (mixed && d.rule == "OGI-E-MIXED")), d.rule, " ", d.path);
    got.source = original.source;
    CHECK(got == original);
}

/// Gives a random report what a published one has besides its tables: an agency whose kind
/// its name tells, maybe a date under it, and maybe each narrative section.
void dress(std::mt19937& rng, ogi::Report& r) {
    auto n = [&](int hi) { return std::uniform_int_distribution<int>(0, hi)(rng); };
    static const std::pair<const char*, ogi::AgencyKind> agencies[] = {
        {"测试县人民政府", ogi::AgencyKind::government},     {"某市生态环境局", ogi::AgencyKind::department},
        {"某区新华街道办事处", ogi::AgencyKind::township},   {"某县城关镇人民政府", ogi::AgencyKind::township},
        {"某自治州市场监督管理局", ogi::AgencyKind::department}, {"某市人民政府", ogi::AgencyKind::government},
    };
    const auto& a = agencies[n(static_cast<int>(std::size(agencies)) - 1)];
    r.agency.name = a.first;
    r.agency.kind = a.second;
    if (n(3) > 0) r.published_on = ogi::Date{r.year + 1, 1 + n(2), 1 + n(27)}.to_string();
    static const char* sentences[] = {
        "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开。",
        "（一）主动公开情况。全年在门户网站主动公开政府信息1234条，其中“政策解读”栏目56条。",
        "（二）依申请公开情况。全年共受理政府信息公开申请17件，均在法定期限内答复。",
        "一是强化领导，落实责任；二是健全机制，规范运行。",
        "2、充实公开内容。及时更新主动公开目录，确保信息完整、准确。",
        "针对存在问题，下一步将加强培训，提升队伍水平 & 服务能力（<重点>）。",
        "无。",
        "本年度收取信息处理费0元。",
    };
    auto text = [&]() {
        std::string s;
        for (int k = 0, lines = 1 + n(3); k < lines; ++k)
            s.append(k ? "\n" : "").append(sentences[n(static_cast<int>(std::size(sentences)) - 1)]);
        return s;
    };
    if (n(3) > 0) r.narrative.overview = text();
    if (n(3) > 0) r.narrative.problems = text();
    if (n(3) > 0) r.narrative.other_matters = text();
}

}  // namespace

TEST_CASE("round trip: extract(render(report)) gives the examples back exactly, from text and from HTML") {
    for (const auto& json : {test::seed(), test::huaian()}) {
        const ogi::Report report = report_of(json);
        CAPTURE(report.agency.name);
        for (auto format : {ogi::RenderFormat::text, ogi::RenderFormat::html}) {
            CAPTURE(ogi::to_string(format));
            check_round_trip(report, format);
        }
        check_round_trip(report, ogi::RenderFormat::html, ogi::Lang::en);
    }
}

TEST_CASE("round trip: random valid reports of both editions, with blanks, both layouts of （六）") {
    std::mt19937 rng(5);
    int checked = 0;
    for (int round = 0; round < 40; ++round) {
        const auto edition = round % 2 ? ogi::Edition::e2021 : ogi::Edition::e2019;
        const bool single = round % 4 < 2 ? edition == ogi::Edition::e2019 : edition != ogi::Edition::e2019;
        ogi::Report report = test::random_report(rng, edition, single);
        dress(rng, report);
        REQUIRE(ogi::validate(report).valid);
        CAPTURE(round);
        for (auto format : {ogi::RenderFormat::text, ogi::RenderFormat::html}) {
            CAPTURE(ogi::to_string(format));
            check_round_trip(report, format);
            ++checked;
        }
    }
    CHECK(checked == 80);
}
