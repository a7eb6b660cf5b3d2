// The extractor on the real reports of tests/corpus (an answer key typed by hand), on the seed,
// and on random reports written out in every layout seen in the wild.
#include "layouts.hpp"
#include "read_back.hpp"
#include "random_report.hpp"
#include "support.hpp"

#include <ogi/read/extract.hpp>

#include <doctest/doctest.h>

#include <chrono>

#include <iconv.h>

#include <cstdlib>
#include <fstream>

#include <random>
#include <set>

namespace json = boost::json;

namespace {

/// The value a report JSON holds at a pointer, or nothing when the key is absent.
const json::value* lookup(const json::value& v, std::string_view pointer) {
    boost::system::error_code ec;
    const json::value* p = v.find_pointer(pointer, ec);
    return ec ? nullptr : p;
}

bool same_value(const json::value& want, const json::value& got) {
    if (want.is_string() && got.is_string()) {
        const auto a = ogi::Decimal::parse(want.get_string()), b = ogi::Decimal::parse(got.get_string());
        if (a && b) return *a == *b;
    }
    return want == got;
}

}  // namespace

TEST_CASE("real reports: cell-by-cell accuracy against the answer key") {
    const char* names[] = {"013", "014", "015", "016", "017", "018", "019", "020", "021", "022", "023",
                           "hongze-2023.pdftotext-layout", "hongze-2023.pdftotext-raw", "hongze-2024.pdftotext-layout",
                           "huaian-2024.pdftotext-layout", "liucheng-2020", "pingtan-2019", "pingtan-2020",
                           "pingtan-2021", "pingtan-2023", "pingtan-2024"};
    std::size_t cells = 0, exact = 0, editions_right = 0, invented = 0;
    for (const char* name : names) {
        CAPTURE(name);
        const json::value key = json::parse(test::read_file(std::string("tests/corpus/expected/") + name + ".json"));
        const std::string input = test::read_file("tests/corpus/" + std::string(key.at("file").as_string()));
        REQUIRE_FALSE(input.empty());
        const ogi::ExtractResult res = ogi::extract(input);
        REQUIRE(res.report);
        const json::value got = json::value_from(*res.report);
        if (got.at("edition") == key.at("edition")) ++editions_right;
        else MESSAGE("edition wrong in ", name);
        CHECK(res.complete == key.at("complete").as_bool());
        std::set<std::string> ambiguous_said;
        for (const auto& d : res.diagnostics)
            if (d.rule == "OGI-E-AMBIGUOUS") ambiguous_said.insert(d.path);
        for (const auto& kv : key.at("cells").as_object()) {
            ++cells;
            const json::value* g = lookup(got, kv.key());
            if (g && same_value(kv.value(), *g)) ++exact;
            else MESSAGE("miss ", name, " ", std::string(kv.key()), ": key ", json::serialize(kv.value()), ", got ",
                         g ? json::serialize(*g) : "(absent)");
        }
        if (const auto* amb = key.as_object().if_contains("ambiguous"))
            for (const auto& kv : amb->as_object()) {
                ++cells;
                const json::value* g = lookup(got, kv.key());
                // the text does not decide: blank, and said, with the candidates
                if (g && g->is_null() && ambiguous_said.count(std::string(kv.key()))) ++exact;
                else MESSAGE("miss ", name, " ", std::string(kv.key()), ": undecided in the key, got ",
                             g ? json::serialize(*g) : "(absent)");
            }
        // no number where the text has none
        for (const char* table : {"proactive", "applications", "reviews"})
            for (const auto& row : got.at(table).as_object())
                for (const auto& cell : row.value().as_object()) {
                    const std::string p = fmt::format("/{}/{}/{}", table, std::string(row.key()), std::string(cell.key()));
                    const bool listed = key.at("cells").as_object().contains(p) ||
                                        (key.as_object().contains("ambiguous") && key.at("ambiguous").as_object().contains(p));
                    if (!listed && !cell.value().is_null()) {
                        ++invented;
                        MESSAGE("invented ", name, " ", p, " = ", json::serialize(cell.value()));
                    }
                }
    }
    const double accuracy = 100.0 * static_cast<double>(exact) / static_cast<double>(cells);
    MESSAGE("corpus accuracy: ", exact, "/", cells, " cells = ", accuracy, "%; editions right ", editions_right, "/",
            std::size(names));
    CHECK(accuracy >= 99.5);
    CHECK(editions_right == std::size(names));
    CHECK(invented == 0);
}

TEST_CASE("extracting the seed gives the bundled example exactly, and it validates clean") {
    ogi::ExtractOptions opt;
    opt.source_name = "liucheng-2020.txt";
    const auto res = ogi::extract(test::read_file("tests/corpus/seed/liucheng-2020.txt"), opt);
    REQUIRE(res.report);
    CHECK(ogi::to_json_text(*res.report) == test::read_file("examples/data/liucheng-2020.json"));
    CHECK(ogi::validate(*res.report).diagnostics.empty());
    CHECK(res.complete);
}

TEST_CASE("extraction diagnostics: units, signs and notes in cells are read and said") {
    const std::string text =
        "某县人民政府2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
        "规章\t0\t0\t0\n规范性文件\t22（其中修订16件）\t/\t40\n"
        "第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
        "行政许可\t10\t-8\t5\n其他对外管理服务事项\t3\t+2\t—\n";
    const auto res = ogi::extract(text);
    REQUIRE(res.report);
    const auto& r = *res.report;
    CHECK(r.edition() == ogi::Edition::e2019);
    CHECK(r.year == 2020);
    CHECK(r.agency.name == "某县人民政府");
    CHECK(r.agency.kind == ogi::AgencyKind::government);
    CHECK(r.cell("/proactive/normative_documents/made")->number == 22);
    CHECK(r.cell("/proactive/normative_documents/published")->state == ogi::Cell::State::blank);
    CHECK(r.cell("/proactive/licensing/change")->number == -8);
    CHECK(r.cell("/proactive/other_services/change")->number == 2);
    CHECK(r.cell("/proactive/other_services/decisions")->state == ogi::Cell::State::blank);
    auto said = [&](std::string_view rule, std::string_view path) {
        return std::any_of(res.diagnostics.begin(), res.diagnostics.end(),
                           [&](const ogi::Diagnostic& d) { return d.rule == rule && d.path == path && d.line; });
    };
    CHECK(said("OGI-E-ANNOTATED", "/proactive/normative_documents/made"));
    CHECK(said("OGI-E-ANNOTATED", "/proactive/other_services/change"));
    // cut off after 第（五）项: the rest is missing, said once, and nothing is invented
    CHECK_FALSE(res.complete);
    CHECK(std::any_of(res.diagnostics.begin(), res.diagnostics.end(),
                      [](const ogi::Diagnostic& d) { return d.rule == "OGI-E-TRUNCATED" && d.path == "/proactive/punishment/previous_items"; }));
    CHECK(r.cell("/applications/new_received/total")->state == ogi::Cell::State::blank);
}

TEST_CASE("digits that ran together: split by the arithmetic, never guessed") {
    // 7 cells in "4000004" split one way only (no leading zeros, total = the sum)
    const std::string dump =
        "某镇人民政府2022年政府信息公开工作年度报告\n"
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件123"
        "第二十条第（五）项信息内容本年处理决定数量行政许可5第二十条第（六）项信息内容本年处理决定数量行政处罚0行政强制0"
        "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0三、收到和处理政府信息公开申请情况"
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构"
        "社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量4000004二、上年结转政府信息公开申请数量0000000"
        "三、本年度办理结果（一）予以公开3000003（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000"
        "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”0000000"
        "4.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息00000007.属于行政执法案卷0000000"
        "8.属于行政查询事项0000000（四）无法提供1.本机关不掌握相关政府信息10000012.没有现成信息需要另行制作0000000"
        "3.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物0000000"
        "4.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理"
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000"
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他0000000（七）总计4000004"
        "四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
        "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
        "000000000000000五、政府信息公开工作存在的主要问题及改进情况无。六、其他需要报告的事项无。";
    const auto res = ogi::extract(dump);
    REQUIRE(res.report);
    const auto& r = *res.report;
    CHECK(r.count(ogi::ApplicationRow::new_received, ogi::Applicant::natural_person) == 4);
    CHECK(r.count(ogi::ApplicationRow::new_received, ogi::Applicant::total) == 4);
    CHECK(r.count(ogi::ApplicationRow::granted, ogi::Applicant::total) == 3);
    CHECK(r.count(ogi::ApplicationRow::unable_not_held, ogi::Applicant::natural_person) == 1);
    CHECK(r.count(ogi::ReviewGroup::litigation_after_review, ogi::ReviewResult::total) == 0);
    CHECK(r.cell("/proactive/regulations/in_force")->number == 0);
    CHECK(r.cell("/proactive/licensing/decisions")->number == 5);
    // "123" has three readings for 3 cells? Only one: 1|2|3. A longer run would not.
    CHECK(r.cell("/proactive/normative_documents/in_force")->number == 3);
    std::string longer = dump;
    longer.replace(longer.find("行政规范性文件123"), std::string("行政规范性文件123").size(), "行政规范性文件1234");
    const auto res2 = ogi::extract(longer);
    REQUIRE(res2.report);
    for (const char* p : {"/proactive/normative_documents/issued", "/proactive/normative_documents/repealed",
                          "/proactive/normative_documents/in_force"}) {
        CHECK(res2.report->cell(p)->state == ogi::Cell::State::blank);
        CHECK(std::any_of(res2.diagnostics.begin(), res2.diagnostics.end(),
                          [&](const ogi::Diagnostic& d) { return d.rule == "OGI-E-AMBIGUOUS" && d.path == p; }));
    }
    CHECK(ogi::validate(r).valid);
}

TEST_CASE("HTML pages: rowspan, colspan, <br> and &nbsp; cells; GBK bytes") {
    const std::string page = R"(<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body>
<p>某区人民政府2019年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年新<br />制作数量</td><td>本年新<br/>公开数量</td><td>对外公开总数量</td></tr>
<tr><td>规章</td><td>1</td><td>1</td><td>3</td></tr>
<tr><td>规范性文件</td><td>&nbsp;</td><td>2</td><td>9</td></tr>
<tr><td colspan="4">第二十条第（九）项</td></tr>
<tr><td>信息内容</td><td>采购项目数量</td><td colspan="2">采购总金额</td></tr>
<tr><td>政府集中采购</td><td>2</td><td colspan="2">251000元</td></tr></table>
<script>var x = "规章 9 9 9";</script></body></html>)";
    auto res = ogi::extract(page);
    REQUIRE(res.report);
    auto& r = *res.report;
    CHECK(r.edition() == ogi::Edition::e2019);
    CHECK(r.year == 2019);
    CHECK(r.cell("/proactive/regulations/public_total")->number == 3);
    CHECK(r.cell("/proactive/normative_documents/made")->state == ogi::Cell::State::blank);
    CHECK(r.cell("/proactive/normative_documents/public_total")->number == 9);
    CHECK(r.cell("/proactive/procurement/amount")->money.to_string() == "251000");
    CHECK(r.cell("/proactive/procurement/amount_unit")->number == 0);  // yuan

    // the same page in GBK
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
    std::string gbk(page.size() * 2, '\0');
    char* in = const_cast<char*>(page.data());
    char* out = gbk.data();
    std::size_t in_left = page.size(), out_left = gbk.size();
    REQUIRE(iconv(cd, &in, &in_left, &out, &out_left) != static_cast<std::size_t>(-1));
    iconv_close(cd);
    gbk.resize(gbk.size() - out_left);
    res = ogi::extract(gbk);
    REQUIRE(res.report);
    CHECK(res.report->cell("/proactive/normative_documents/public_total")->number == 9);
    CHECK(res.diagnostics.front().rule == "OGI-E-ENCODING");

    // a page with no table of the form
    res = ogi::extract("<html><body><p>通知公告</p><table><tr><td>1</td></tr></table></body></html>");
    CHECK_FALSE(res.report);
    CHECK(res.diagnostics.at(0).rule == "OGI-E-NO-TABLES");
}

TEST_CASE("traditional characters and spaced labels of mirrored pages") {
    const std::string text =
        "某市生態環境局2020年政府信息公開工作年度報告\n二、主動公開政府信息情況\n第二十條第(一)項 | |||\n"
        "信息內容 | 本年新 製作數量 | 本年新 公開數量 | 對外公開總數量 | ||\n"
        "規章(設區的市、自治州人民政府應提供相關數據) | 0 | 0 | 0 | ||\n規範性檔案 | 2 | 2 | 19 | ||\n";
    const auto res = ogi::extract(text);
    REQUIRE(res.report);
    CHECK(res.report->edition() == ogi::Edition::e2019);
    CHECK(res.report->cell("/proactive/normative_documents/public_total")->number == 19);
    CHECK(res.report->cell("/proactive/regulations/made")->number == 0);
}

TEST_CASE("random reports written in every layout are read back exactly") {
    std::mt19937 rng(20261128);
    int checked = 0;
    for (int round = 0; round < 40; ++round) {
        const auto edition = round % 2 ? ogi::Edition::e2021 : ogi::Edition::e2019;
        const bool single = round % 4 < 2 ? edition == ogi::Edition::e2019 : edition != ogi::Edition::e2019;
        const ogi::Report original = test::random_report(rng, edition, single);
        REQUIRE(ogi::validate(original).valid);
        const auto lines = test::table_lines(original);
        for (const auto& [name_text, writer] : test::writers()) {
            const std::string name = name_text;
            CAPTURE(name);
            CAPTURE(round);
            const std::string written = writer(lines);
            const auto res = ogi::extract(written);
            // OGI_KEEP_FAILED=1 keeps the text of a failing case in /tmp, to look at.
            if (std::getenv("OGI_KEEP_FAILED") && !(res.report && res.report->cells() == original.cells()))
                std::ofstream(fmt::format("/tmp/ogi-failed-{}-{}.txt", round, name.substr(0, 4))) << written;
            test::check_read_back(res, original);
            ++checked;
        }
    }
    CHECK(checked == 40 * 7);
}

TEST_CASE("random reports dumped with their cells run together: what is read is right, the rest is said") {
    std::mt19937 rng(7);
    std::size_t read = 0, undecided = 0;
    for (int round = 0; round < 20; ++round) {
        const auto edition = round % 2 ? ogi::Edition::e2021 : ogi::Edition::e2019;
        ogi::Report original = test::random_report(rng, edition, edition == ogi::Edition::e2019);
        for (auto& c : original.cells())  // a crawler's dump cannot show a blank cell
            if (c.state == ogi::Cell::State::blank) c = ogi::Cell{ogi::Cell::State::value, 0, {}};
        std::string dump = "正文 ";
        for (const auto& l : test::table_lines(original)) {
            for (const auto& c : l.labels) dump += c;
            for (const auto& v : l.values) dump += v;
        }
        dump += "五、政府信息公开工作存在的主要问题及改进情况无。";
        const auto res = ogi::extract(std::string(700, ' ') + dump);  // one long line, as crawlers write
        REQUIRE(res.report);
        CHECK(res.report->edition() == original.edition());
        const ogi::Form& f = original.form();
        for (std::size_t i = 0; i < f.cells().size(); ++i) {
            const auto& got = res.report->cells()[i];
            if (f.column(f.cells()[i]).kind == ogi::CellKind::unit || original.cells()[i].state == ogi::Cell::State::absent)
                continue;
            if (got.has_value()) {
                ++read;
                CHECK_MESSAGE(got == original.cells()[i], f.cells()[i].pointer);  // never a wrong number
            } else {
                ++undecided;
                CHECK_MESSAGE(std::any_of(res.diagnostics.begin(), res.diagnostics.end(),
                                          [&](const ogi::Diagnostic& d) {
                                              return (d.rule == "OGI-E-AMBIGUOUS" || d.rule == "OGI-E-UNREADABLE" ||
                                                      d.rule == "OGI-E-TRUNCATED" || d.rule == "OGI-E-MISSING");
                                          }),
                              f.cells()[i].pointer);
            }
        }
    }
    MESSAGE("run-together dumps: ", read, " cells read, ", undecided, " left blank with a reason");
    CHECK(read > undecided);
}

TEST_CASE("every extraction finding of the catalogue fires where it should, and the seed has none but notes") {
    std::set<std::string> fired;
    auto run = [&](const std::string& input) {
        for (const auto& d : ogi::extract(input).diagnostics) fired.insert(std::string(d.rule));
    };
    const std::string seed = test::read_file("tests/corpus/seed/liucheng-2020.txt");
    for (const auto& d : ogi::extract(seed).diagnostics) CHECK(d.rule == "OGI-E-ANNOTATED");
    run("<html><body><p>通知公告</p></body></html>");
    run("某县人民政府2020年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
        "规章\t0\t0\t0\n规范性文件\t22（其中修订16件）\t1.5\t40\n");
    for (const char* f : {"tests/corpus/reports/pingtan-2023.txt", "tests/corpus/reports/hongze-2023.pdftotext-raw.txt"})
        run(test::read_file(f));
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    std::string gbk(seed.size() * 2, '\0');
    char* in = const_cast<char*>(seed.data());
    char* out = gbk.data();
    std::size_t in_left = seed.size(), out_left = gbk.size();
    REQUIRE(iconv(cd, &in, &in_left, &out, &out_left) != static_cast<std::size_t>(-1));
    iconv_close(cd);
    gbk.resize(gbk.size() - out_left);
    run(gbk);
    run(seed + "\n" + seed);
    run(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'));  // a .doc
    for (const auto& rule : ogi::rules())
        if (rule.scope == ogi::RuleScope::extraction) CHECK_MESSAGE(fired.count(std::string(rule.id)) == 1, rule.id);
}

TEST_CASE("two reports in one text: the first is read, and the line where the second starts is given") {
    const std::string seed = test::read_file("tests/corpus/seed/liucheng-2020.txt");
    const auto one = ogi::extract(seed);
    const auto two = ogi::extract(seed + "\n" + seed);
    REQUIRE(one.report);
    REQUIRE(two.report);
    CHECK(two.report->cells() == one.report->cells());
    const std::size_t seed_lines = static_cast<std::size_t>(std::count(seed.begin(), seed.end(), '\n')) + 1;
    std::size_t overview_line = 0;  // the seed's 一、总体情况
    {
        std::size_t line = 1;
        for (std::size_t at = 0; at < seed.size(); ++line) {
            const std::size_t end = std::min(seed.find('\n', at), seed.size());
            if (seed.substr(at, end - at).find("一、总体情况") != std::string::npos) {
                overview_line = line;
                break;
            }
            at = end + 1;
        }
    }
    REQUIRE(overview_line > 0);
    std::size_t said = 0;
    for (const auto& d : two.diagnostics)
        if (d.rule == "OGI-E-SECOND") {
            ++said;
            CHECK(d.severity == ogi::Severity::warning);
            CHECK(d.line == seed_lines + overview_line);
        }
    CHECK(said == 1);
    for (const auto& d : one.diagnostics) CHECK(d.rule != "OGI-E-SECOND");
}

TEST_CASE("digits that ran together and split too many ways are left blank, not guessed (fuzz regression)") {
    // The page fuzz_extract_html found: runs of 40 and 19 nines among broken cells. It is read in
    // bounded time, and neither run becomes a number.
    const std::string page = "<html><body>" + test::read_file("tests/fuzz/regressions/extract_html/timeout-split-runs-many-ways.html") +
                             "</body></html>";
    const auto start = std::chrono::steady_clock::now();
    const auto res = ogi::extract(page);
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 10.0);
    REQUIRE(res.report);
    for (const ogi::Cell& c : res.report->cells()) CHECK_FALSE((c.has_value() && c.number > 999999999));

    // Table 四 of a crawler's dump whose digits split in millions of ways: blank, and said so.
    std::mt19937 rng(3);
    ogi::Report r = test::random_report(rng, ogi::Edition::e2021, false);
    std::string dump = "正文 ";
    for (const auto& l : test::table_lines(r)) {
        for (const auto& c : l.labels) dump += c;
        if (l.values.size() == 15) dump += std::string(40, '9') + " " + std::string(19, '9') + " 29";
        else
            for (const auto& v : l.values) dump += v.empty() ? "0" : v;
    }
    const auto glued = ogi::extract(std::string(700, ' ') + dump + "五、政府信息公开工作存在的主要问题及改进情况无。");
    REQUIRE(glued.report);
    bool said = false;
    for (const auto& d : glued.diagnostics)
        if (d.rule == "OGI-E-AMBIGUOUS" && d.message_en.find("in more than 20000 ways") != std::string::npos) said = true;
    CHECK(said);
    const ogi::Form& f = glued.report->form();
    for (std::size_t i = 0; i < f.cells().size(); ++i)
        if (f.cells()[i].pointer.rfind("/reviews/", 0) == 0) CHECK_FALSE(glued.report->cells()[i].has_value());
}

TEST_CASE("file kinds are told by their bytes, not their names; a kind that cannot be read says what to do") {
    using K = ogi::InputKind;
    const std::string seed = test::read_file("tests/corpus/seed/liucheng-2020.txt");
    CHECK(ogi::detect_input_kind(seed) == K::text);
    CHECK(ogi::detect_input_kind("<html><body><table><tr><td>1</td></tr></table>") == K::html);
    CHECK(ogi::detect_input_kind("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj") == K::pdf);
    CHECK(ogi::detect_input_kind(std::string("PK\x03\x04", 4) + "...[Content_Types].xml...word/document.xml...") == K::docx);
    CHECK(ogi::detect_input_kind(std::string("PK\x03\x04", 4) + "...xl/workbook.xml...") == K::spreadsheet);
    CHECK(ogi::detect_input_kind(std::string("PK\x03\x04", 4) + "...photos/1.jpg...") == K::archive);
    const std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
    CHECK(ogi::detect_input_kind(ole) == K::word97);
    CHECK(ogi::detect_input_kind("\x89PNG\r\n\x1A\n") == K::image);
    CHECK(ogi::detect_input_kind("\xFF\xD8\xFF\xE0") == K::image);
    CHECK(ogi::detect_input_kind("\x1F\x8B\x08") == K::archive);
    CHECK(ogi::can_read(K::text));
    CHECK(ogi::can_read(K::html));
    CHECK_FALSE(ogi::can_read(K::word97));
    CHECK_FALSE(ogi::can_read(K::image));

    // The name never decides: the seed's text called .doc is read as text.
    ogi::ExtractOptions named;
    named.source_name = "report.doc";
    CHECK(ogi::extract(seed, named).report);

    // A .wps (an OLE file too) gets its own wording and the conversion, in both languages.
    named.source_name = "年报.WPS";
    const ogi::ExtractResult wps = ogi::extract(ole, named);
    CHECK_FALSE(wps.report);
    REQUIRE(wps.diagnostics.size() == 1);
    const ogi::Diagnostic& d = wps.diagnostics.front();
    CHECK(d.rule == "OGI-E-FORMAT");
    CHECK(d.severity == ogi::Severity::error);
    CHECK(d.message_en.find("WPS (.wps)") != std::string::npos);
    CHECK(d.message_en.find("libreoffice --headless --convert-to docx 年报.WPS") != std::string::npos);
    CHECK(d.message_zh.find("WPS（.wps）") != std::string::npos);
    named.source_name = "scan.png";
    const ogi::ExtractResult png = ogi::extract("\x89PNG\r\n\x1A\n", named);
    CHECK_FALSE(png.report);
    REQUIRE(png.diagnostics.size() == 1);
    CHECK(png.diagnostics.front().message_en.find("OCR") != std::string::npos);
}
