// The stages of the reading engine (src/read/README.md), each through its own interface: the
// readers make grids, tokenize makes tokens, place puts them on the form, resolve_runs splits
// digits that ran together; then what extract() says of each cell.
#include "base/text.hpp"
#include "read/cells.hpp"
#include "read/html.hpp"
#include "read/labels.hpp"
#include "read/place.hpp"
#include "read/runs.hpp"
#include "read/text_reader.hpp"
#include "support.hpp"

#include <ogi/read/extract.hpp>
#include <ogi/write/render.hpp>

#include <doctest/doctest.h>

namespace {

using namespace ogi::read;

/// The text as a grid of split cells, as extract() makes it.
Grid text_grid(std::string_view text, bool* glued = nullptr) {
    Grid g = read_text(text, 0);
    const bool dump = split_lines(g);
    if (glued) *glued = dump;
    return g;
}

std::vector<std::string> texts(const GridRow& r) {
    std::vector<std::string> out;
    for (const auto& c : r.cells) out.push_back(c.text);
    return out;
}

/// A cell's value in an extracted report as text ("" for blank).
std::string value(const ogi::ExtractResult& r, std::string_view pointer) {
    const ogi::Cell* c = r.report->cell(pointer);
    REQUIRE(c);
    return c->has_value() ? std::to_string(c->number) : "";
}

bool said(const ogi::ExtractResult& r, std::string_view rule, std::string_view path_prefix) {
    for (const auto& d : r.diagnostics)
        if (d.rule == rule && d.path.rfind(path_prefix, 0) == 0) return true;
    return false;
}

const std::string head2021 = "某镇人民政府2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
                             "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n";

}  // namespace

TEST_CASE("text reader: cells split at tabs, pipes and wide gaps, with their places in the text") {
    const std::string text = "规章 | 0 |  | 3 |\n\t\n行政许可  12   7\n|||\n四、结转下年度继续办理 0 0 1\n";
    const Grid g = text_grid(text);
    REQUIRE(g.rows.size() == 6);  // five lines and the empty one after the last line break
    CHECK(texts(g.rows[0]) == std::vector<std::string>{"规章", "0", "", "3"});  // a written empty cell is a cell
    CHECK(texts(g.rows[1]) == std::vector<std::string>{""});                     // a lone tab: a blank cell
    CHECK(texts(g.rows[2]) == std::vector<std::string>{"行政许可", "12", "7"});   // gaps of two or more spaces
    CHECK(g.rows[3].cells.empty());                                              // a line of pipes is filler
    CHECK(texts(g.rows[4]) == std::vector<std::string>{"四、结转下年度继续办理", "0", "0", "1"});  // numbers split off
    // Every cell's source is its place in the text: offset, length, line, column.
    for (const GridRow& r : g.rows)
        for (const GridCell& c : r.cells) {
            if (c.text.empty()) continue;
            CHECK(text.substr(c.source.offset, c.source.length) == c.text);
        }
    CHECK(g.rows[0].cells[3].source.line == 1);
    CHECK(g.rows[0].cells[3].source.column == 13);  // 规 章 ␠ | ␠ 0 ␠ | ␠ ␠ | ␠ 3: characters, not bytes
    CHECK(g.rows[2].cells[1].source.column == 7);
}

TEST_CASE("text reader: a copied table's rows (a cell per line behind a tab, a blank line ending each row)") {
    std::string text = "标题\n\n";
    for (int r = 0; r < 12; ++r) text += "\t规章\n\t1\n\t本年新\n制作数量\n\n";  // a wrapped cell goes on without a tab
    const Grid g = text_grid(text);
    std::size_t rows = 0;
    for (const GridRow& r : g.rows)
        if (r.tabular) {
            ++rows;
            CHECK(texts(r) == std::vector<std::string>{"规章", "1", "本年新制作数量"});
            CHECK(text.substr(r.cells[1].source.offset, r.cells[1].source.length) == "1");
        }
    CHECK(rows == 12);
}

TEST_CASE("text reader: a crawler's dump is cut at every label, its digits left as runs") {
    std::string dump(700, ' ');
    dump += "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章123行政规范性文件89 89 89";
    bool glued = false;
    const Grid g = text_grid(dump, &glued);
    CHECK(glued);
    const auto cells = texts(g.rows.front());
    CHECK(std::find(cells.begin(), cells.end(), "规章") != cells.end());
    CHECK(std::find(cells.begin(), cells.end(), "123") != cells.end());
    const auto tokens = tokenize(g, glued);
    std::size_t runs = 0;
    for (const Token& t : tokens) runs += t.kind == Token::Kind::run;
    CHECK(runs >= 2);  // "123" and "89 89 89": their boundaries are unknown
}

TEST_CASE("HTML reader: colspan and rowspan give the grid's columns; cells point at their <td>") {
    const std::string page =
        "<html><body><table>\n"
        "<tr><td rowspan=\"2\">三、本年度办理结果</td><td colspan=\"2\">（一）予以公开</td><td>5</td></tr>\n"
        "<tr><td>a</td><td>b</td><td>6</td></tr>\n"
        "</table><p>五、存在的主要问题</p></body></html>";
    const Grid g = read_html(page);
    REQUIRE(g.rows.size() == 3);
    CHECK(g.rows[0].tabular);
    CHECK(g.rows[0].cells[1].span == 2);
    CHECK(g.rows[0].cells[2].column == 3);
    CHECK(g.rows[1].cells[0].column == 1);  // the rowspan above still covers column 0
    CHECK(g.rows[1].cells[2].column == 3);
    const SourceSpan& six = g.rows[1].cells[2].source;
    CHECK(six.line == 3);
    CHECK(page.substr(six.offset, six.length) == "<td>6</td>");
    CHECK_FALSE(g.rows[2].tabular);  // the paragraph is a line of text
}

TEST_CASE("HTML reader: spans among other attributes and in upper case; white space of every kind collapsed") {
    // The tree keeps only colspan and rowspan (html.cpp's keep_spans): they must be found wherever
    // they stand among the others, in either case, and a boolean attribute must not upset them.
    const std::string page =
        "<HTML><BODY><TABLE class=\"t\">\n"
        "<TR><TD id=\"x\" ROWSPAN=\"2\" title=\"a &amp; b\" hidden>\xC2\xA0 \xE5\x8A\x9E\xE7\x90\x86\xE3\x80\x80"
        "\xE7\xBB\x93\xE6\x9E\x9C\n</TD>"
        "<td style=\"x\" data-k=\"1\" colspan=\"3\" class=\"c\">  a\t\tb  </td><td Colspan=2>7</td></TR>\n"
        "<tr><td>z</td></tr>\n"
        "</TABLE></BODY></HTML>";
    const Grid g = read_html(page);
    REQUIRE(g.rows.size() == 2);
    REQUIRE(g.rows[0].cells.size() == 3);
    CHECK(g.rows[0].cells[0].text == "\xE5\x8A\x9E\xE7\x90\x86 \xE7\xBB\x93\xE6\x9E\x9C");  // 办理 结果
    CHECK(g.rows[0].cells[0].row_span == 2);
    CHECK(g.rows[0].cells[1].text == "a b");
    CHECK(g.rows[0].cells[1].span == 3);
    CHECK(g.rows[0].cells[2].column == 4);
    CHECK(g.rows[0].cells[2].span == 2);
    CHECK(g.rows[1].cells[0].column == 1);  // the rowspan above covers column 0
    CHECK(looks_like_html("<!DOCTYPE HTML><p>x"));
    CHECK(looks_like_html("text <P>a</P> more"));
    CHECK_FALSE(looks_like_html("<p> alone, never closed"));
    CHECK_FALSE(looks_like_html("a < b and c > d"));
}

TEST_CASE("tokens: numbers with units, signs and notes; placeholders are blank; labels with digits run on") {
    const auto n = read_number_cell("22（其中修订16件）");
    REQUIRE(n);
    CHECK(n->value == "22");
    CHECK(n->annotated);
    CHECK(read_number_cell("0.38万元")->unit == "万元");
    CHECK(read_number_cell("-8")->value == "-8");
    CHECK(read_number_cell("1,234")->value == "1234");
    for (const char* blank : {"/", "—", "无", "不适用", "－"}) CHECK(read_number_cell(blank)->kind == Token::Kind::blank);
    CHECK_FALSE(read_number_cell("规章"));
    CHECK(is_page_number("-3-"));
    CHECK(is_page_number("第 3 页"));
    CHECK_FALSE(is_page_number("3"));
    Grid g;
    g.rows.emplace_back().cells.push_back(GridCell{"规范性文件898989", {}, 0, 1, 1});
    g.rows.back().tabular = true;
    const auto tokens = tokenize(g, false);
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].label >= 0);
    CHECK(tokens[1].kind == Token::Kind::run);
    CHECK(tokens[1].value == "898989");
}

TEST_CASE("labels: official wording, variants, wrapped starts, dropped numbering, each edition's twin") {
    auto m = [](const char* text) { return match_label(ogi::detail::normalise_label(text), false); };
    CHECK(labels()[static_cast<std::size_t>(m("（一）予以公开").label)].kind == LabelKind::application_row);
    CHECK(labels()[static_cast<std::size_t>(m("七、总计").label)].kind == LabelKind::application_row);  // a variant
    CHECK(m("属于国家秘密").label >= 0);                       // numbering dropped
    CHECK(m("7、属于行政执法案卷").label >= 0);                // numbering changed
    CHECK(m("（二）部分公开（区分处理的，").partial);            // the start of a wrapped label
    CHECK(m("本年度共收到申请").label < 0);
    const int rule = m("规章").label;
    REQUIRE(rule >= 0);
    CHECK(in_edition(rule, ogi::Edition::e2019).edition == 0);
    CHECK(in_edition(rule, ogi::Edition::e2021).edition == 1);
}

TEST_CASE("placement: a row's values come only from its own row; a short row is left blank and said") {
    // 规章 lacks a cell: it is not filled from the next row, and the next row is read as it is.
    const auto r = ogi::extract(head2021 + "规章 | 0 | 0 |\n行政规范性文件 | 3 | 1 | 20 |\n第二十条第（五）项\n"
                                           "信息内容 | 本年处理决定数量 |\n行政许可 | 5 |\n三、收到和处理政府信息公开申请情况\n");
    REQUIRE(r.report);
    CHECK(value(r, "/proactive/regulations/issued").empty());
    CHECK(value(r, "/proactive/regulations/in_force").empty());
    CHECK(said(r, "OGI-E-UNREADABLE", "/proactive/regulations"));
    CHECK(value(r, "/proactive/normative_documents/in_force") == "20");
    CHECK(value(r, "/proactive/licensing/decisions") == "5");
    // A written empty cell is a blank cell, and the row reads.
    const auto e = ogi::extract(head2021 + "规章 | 0 | 0 | |\n行政规范性文件 | 3 | 1 | 20 |\n");
    CHECK(value(e, "/proactive/regulations/repealed") == "0");
    CHECK(e.report->cell("/proactive/regulations/in_force")->state == ogi::Cell::State::blank);
    CHECK_FALSE(said(e, "OGI-E-UNREADABLE", "/proactive/regulations"));
}

TEST_CASE("placement: where the text stops inside a row, its first cells are read and the rest are missing") {
    const std::string apps = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
                             "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 |";
    const auto r = ogi::extract(head2021 + "规章 | 0 | 0 | 0 |\n" + apps);
    CHECK(value(r, "/applications/new_received/total") == "1");
    CHECK(value(r, "/applications/carried_over/research_institution") == "0");
    CHECK(r.report->cell("/applications/carried_over/social_welfare_organization")->state == ogi::Cell::State::blank);
    CHECK(said(r, "OGI-E-TRUNCATED", ""));
    CHECK_FALSE(r.provenance.count("/applications/carried_over/social_welfare_organization"));
    CHECK(r.provenance.at("/applications/carried_over/natural_person").basis == "cut-off");
    CHECK_FALSE(r.complete);
}

TEST_CASE("placement: the one row whose label is missing, given exactly its values between the rows around it") {
    const auto r = ogi::extract(head2021 + "| 2 | 0 | 4 |\n行政规范性文件 | 3 | 1 | 20 |\n");
    CHECK(value(r, "/proactive/regulations/issued") == "2");
    CHECK(r.provenance.at("/proactive/regulations/in_force").basis == "missing-label");
    // Two rows missing: which one the values are is not known; nothing is read.
    const auto two = ogi::extract(head2021 + "| 2 | 0 | 4 |\n第二十条第（五）项\n信息内容 | 本年处理决定数量 |\n");
    CHECK(value(two, "/proactive/regulations/issued").empty());
}

TEST_CASE("placement: the tables are found wherever they stand, and a heading that comes again starts a second report") {
    const std::string seed = test::read_file("tests/corpus/seed/liucheng-2020.txt");
    const auto at = [&](const char* heading) { return seed.find(heading); };
    const std::size_t two = at("二、主动公开政府信息情况"), three = at("三、收到和处理政府信息公开申请情况"),
                      four = at("四、政府信息公开行政复议"), five = at("五、");
    REQUIRE(two < three);
    REQUIRE(three < four);
    REQUIRE(four < five);
    const std::string swapped = seed.substr(0, two) + seed.substr(four, five - four) + seed.substr(three, four - three) +
                                seed.substr(two, three - two) + seed.substr(five);
    const auto a = ogi::extract(seed), b = ogi::extract(swapped);
    REQUIRE(b.report);
    CHECK(b.report->cells() == a.report->cells());
    const auto twice = ogi::extract(seed + "\n" + seed);
    CHECK(said(twice, "OGI-E-SECOND", ""));
    CHECK(twice.report->cells() == a.report->cells());
}

TEST_CASE("placement: section 二's numbers are not placed when no label tells the edition") {
    // 规章's three columns are 制发/废止/现行有效 in 2021 and 新制作/新公开/对外公开 in 2019.
    const auto r = ogi::extract("二、主动公开政府信息情况\n第二十条第（一）项\n规章 | 1 | 2 | 3 |\n");
    REQUIRE(r.report);
    for (const ogi::Cell& c : r.report->cells()) CHECK_FALSE(c.has_value());
    CHECK(said(r, "OGI-E-UNREADABLE", "/proactive"));
}

TEST_CASE("digit runs: every split into the cells, then the arithmetic") {
    std::vector<std::vector<std::string>> out;
    CHECK(split_runs({"898989"}, 3, {}, out));
    CHECK(std::find(out.begin(), out.end(), std::vector<std::string>{"89", "89", "89"}) != out.end());
    CHECK(std::none_of(out.begin(), out.end(), [](const auto& s) { return s[1] == "08"; }));  // no leading zeros
    out.clear();
    CHECK(split_runs({"1", "-5"}, 2, {ogi::CellKind::count, ogi::CellKind::signed_count}, out));
    REQUIRE(out.size() == 1);
    CHECK(out[0] == std::vector<std::string>{"1", "-5"});
    CHECK(to_int("999999999999999999999") == 1'000'000'000'000'000);  // capped, never overflowing
}

TEST_CASE("what extract says of each cell: its place, how it was read, whether the arithmetic confirms it") {
    const std::string text = test::read_file("tests/corpus/excerpts/013.txt");
    ogi::ExtractOptions o;
    o.with_provenance = true;
    const auto r = ogi::extract(text, o);
    REQUIRE(r.report);
    const auto& total = r.provenance.at("/applications/new_received/total");
    CHECK(text.substr(total.offset, total.length) == total.text);
    CHECK(total.text == "1");
    CHECK(total.basis == "row");
    CHECK(total.relations == "confirmed");  // the row total and the column sums hold
    CHECK(r.provenance.at("/proactive/regulations/issued").relations == "unchecked");  // no relation in 2021's 二
    const boost::json::object ex = ogi::explain_json(r);
    CHECK(ex.size() == r.provenance.size());
    CHECK(ex.at("/applications/new_received/total").at("basis") == "row");
    // A slip the report made is contradicted: 1 written as 2 in 本年新收's total.
    std::string slip = text;
    const std::size_t row = slip.find("一、本年新收");
    slip.replace(slip.find("| 1 |\n", row), 6, "| 2 |\n");
    CHECK(ogi::extract(slip).provenance.at("/applications/new_received/total").relations == "contradicted");
    // render --check of the extracted report says on hover where each cell was read.
    const std::string page = ogi::render(*r.report, ogi::RenderFormat::html, {nullptr, ogi::Lang::en});
    const auto& where = r.provenance.at("/proactive/punishment/decisions");
    CHECK(page.find(fmt::format("in the source: line {}, column {}", where.line, where.column)) != std::string::npos);
    CHECK(page.find(fmt::format("data-source=\"{}:{}\"", where.line, where.column)) != std::string::npos);
}

TEST_CASE("prose hints: the counts the report's own text states, by the verb before them") {
    const std::vector<std::string_view> lines = {"本年度共制发行政规范性文件62件，废止规范性文件3件。",
                                                 "截至年底，现行有效规范性文件393件；清理并废止规章2件。",
                                                 "出台规章1件。"};
    const auto hints = prose_hints(lines, ogi::Edition::e2021);
    const ogi::Form& f = ogi::form(ogi::Edition::e2021);
    auto hint = [&](const char* p) {
        const auto it = hints.find(*f.find(p));
        return it == hints.end() ? std::string() : it->second;
    };
    CHECK(hint("/proactive/normative_documents/issued") == "62");
    CHECK(hint("/proactive/normative_documents/repealed") == "3");
    CHECK(hint("/proactive/normative_documents/in_force") == "393");
    CHECK(hint("/proactive/regulations/repealed").empty());  // 清理并废止: not one of the table's counts
    CHECK(hint("/proactive/regulations/issued") == "1");
    CHECK(prose_hints(lines, ogi::Edition::e2019).empty());
}
