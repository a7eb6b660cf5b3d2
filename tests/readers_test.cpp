// The binary readers: DOCX (in the library) and PDF (the optional ogi-pdf component). Word
// documents written here from random reports of both editions, with the official form's merged
// cells, read back exactly; hostile archives refused with a clear error; the two real PDFs read
// cell for cell against their answer keys; the PDF layout on words laid out by hand.
#include "docx_writer.hpp"
#include "layouts.hpp"
#include "read_back.hpp"
#include "random_report.hpp"
#include "support.hpp"
#include "zip_writer.hpp"

#include "base/text.hpp"
#include "read/docx/docx.hpp"
#ifdef OGI_HAVE_PDF
#include "read/pdf/layout.hpp"

#include <ogi/read/pdf.hpp>
#endif

#include <ogi/read/extract.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <set>

namespace json = boost::json;

namespace {

/// The error an input gives: its one OGI-E-FORMAT diagnostic, in English.
std::string refusal(const std::string& bytes, const ogi::ExtractOptions& o = {}) {
    const ogi::ExtractResult r = ogi::extract(bytes, o);
    if (r.report) return "(read)";
    for (const auto& d : r.diagnostics)
        if (d.rule == "OGI-E-FORMAT" && d.severity == ogi::Severity::error) return d.message_en;
    return "(no OGI-E-FORMAT error)";
}

/// Two lists of rows the same, each difference shown.
void check_rows(const std::vector<std::string>& got, const std::vector<std::string>& want) {
    for (std::size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
        const std::string g = i < got.size() ? got[i] : "(none)", w = i < want.size() ? want[i] : "(none)";
        CAPTURE(i);
        CHECK(g == w);
    }
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

TEST_CASE("DOCX: random reports of both editions, written with the form's merged cells, are read back exactly") {
    std::mt19937 rng(20261202);
    int checked = 0;
    for (int round = 0; round < 40; ++round) {
        const auto edition = round % 2 ? ogi::Edition::e2021 : ogi::Edition::e2019;
        const bool single = round % 4 < 2 ? edition == ogi::Edition::e2019 : edition != ogi::Edition::e2019;
        const ogi::Report original = test::random_report(rng, edition, single);
        const std::string docx = test::report_docx(original, rng);
        CAPTURE(round);
        REQUIRE(ogi::detect_input_kind(docx) == ogi::InputKind::docx);
        const ogi::ExtractResult res = ogi::extract(docx);
        test::check_read_back(res, original);
        ++checked;
    }
    CHECK(checked == 40);
}

TEST_CASE("DOCX: the grid has w:gridSpan and w:vMerge as spans, columns from the table's grid, and places in document.xml") {
    const std::string xml = test::read_file("tests/fuzz/seeds/docx/tables.xml");
    const std::string docx = test::zip_archive({{"word/document.xml", xml}});
    const ogi::read::BinaryRead got = ogi::read::read_docx(docx, {});
    REQUIRE(got.grid);
    const auto& rows = got.grid->rows;
    std::vector<std::string> texts;
    for (const auto& r : rows) {
        std::string s = r.tabular ? "T" + std::to_string(r.table) + ":" : "P:";
        for (const auto& c : r.cells) s += "[" + c.text + "@" + std::to_string(c.column) + "x" + std::to_string(c.span) + "x" + std::to_string(c.row_span) + "]";
        texts.push_back(s);
    }
    const std::vector<std::string> want = {
        "P:[测试县人民政府2023年政府信息公开工作年度报告@0x1x1]",
        "P:[三、收到和处理政府信息公开申请情况@0x1x1]",
        "T1:[（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）@0x3x2][申请人情况@3x2x1]",
        "T1:[自然人@3x1x1][总计@4x1x1]",
        "T1:[一、本年新收政府信息公开申请数量@0x3x1][4@3x1x1][@4x1x1]",  // an empty cell: a blank
        "T1:[三、本年度办理结果@0x1x2][（一）予以公开@1x2x1][1@3x1x1][1@4x1x1]",
        "T1:[（二）部分公开@1x2x1][2@3x1x1][2@4x1x1]",  // the continuation cell is no cell of its own
        // a row with a table in a cell is page layout: its cells as text, the inner table on its own
        "P:[1.属于 国家秘密@0x1x1]",
        "P:[0@0x1x1]",
        "T2:[nested@0x1x1]",
        "P:[choice@0x1x1]",  // mc:Fallback repeats it: skipped; w:del's text too
        "P:[六、其他需要报告的事项 无。@0x1x1]",
    };
    check_rows(texts, want);
    CHECK(got.grid->tables == 2);
    // each cell's place: the byte offset of its w:tc (or w:p) in word/document.xml, and its line and column
    for (const auto& r : rows)
        for (const auto& c : r.cells) {
            REQUIRE(c.source.offset < xml.size());
            // a table cell at its w:tc; a paragraph at its w:p (a layout row's cell: its w:tc)
            CHECK((xml.compare(c.source.offset, 5, "<w:tc") == 0 || (!r.tabular && xml.compare(c.source.offset, 4, "<w:p") == 0)));
            std::size_t line = 1, column = 1;
            for (std::size_t i = 0; i < c.source.offset; ++i) {
                if (xml[i] == '\n') ++line, column = 1;
                else if ((static_cast<unsigned char>(xml[i]) & 0xC0) != 0x80) ++column;
            }
            CHECK(c.source.line == line);
            CHECK(c.source.column == column);
        }
}

TEST_CASE("DOCX: hostile and broken files get a clear error within the limits, and nothing is written") {
    namespace fs = std::filesystem;
    const std::string body = test::read_file("tests/fuzz/seeds/docx/tables.xml");
    auto docx = [](std::vector<test::ZipEntry> e) { return test::zip_archive(std::move(e)); };

    SUBCASE("entry names that climb out of a folder are only names: nothing is extracted anywhere") {
        const fs::path probe = fs::temp_directory_path() / "ogi-docx-traversal-probe";
        fs::remove_all(probe);
        fs::create_directories(probe / "a" / "b");
        const fs::path before = fs::current_path();
        fs::current_path(probe / "a" / "b");
        const std::string bytes = docx({{"../../evil.txt", "x"}, {"/tmp/ogi-evil-absolute.txt", "x"}, {"..\\..\\evil2.txt", "x"},
                                        {"word/../../evil3.txt", "x"}, {"word/document.xml", body}});
        const ogi::ExtractResult r = ogi::extract(bytes);
        fs::current_path(before);
        CHECK(ogi::detect_input_kind(bytes) == ogi::InputKind::docx);
        CHECK_FALSE(r.diagnostics.empty());  // read (no table of the form in this body), not refused as a DOCX
        std::size_t files = 0;
        for (const auto& e : fs::recursive_directory_iterator(probe)) files += e.is_regular_file();
        CHECK(files == 0);
        CHECK_FALSE(fs::exists("/tmp/ogi-evil-absolute.txt"));
        fs::remove_all(probe);
    }
    SUBCASE("a zip bomb: refused from its stated size, before inflating") {
        const std::string zeros(40u << 20, '<');  // 40 MiB, deflates to ~40 KB
        const std::string bytes = docx({{"word/document.xml", zeros}});
        CHECK(bytes.size() < (1u << 20));
        const auto start = std::chrono::steady_clock::now();
        CHECK(refusal(bytes).find("inflates to 41943040 bytes, over the limit of 33554432") != std::string::npos);
        CHECK(seconds_since(start) < 5.0);  // a bound, not a speed: nothing was inflated
    }
    SUBCASE("a zip bomb under the size limit but inflating far more than text does: refused by its ratio") {
        ogi::read::DocxLimits limits;
        const std::string bytes = docx({{"word/document.xml", std::string(8u << 20, ' ')}});
        const ogi::read::BinaryRead got = ogi::read::read_docx(bytes, {}, limits);
        REQUIRE_FALSE(got.grid);
        CHECK(got.diagnostics.front().message_en.find("a zip bomb?") != std::string::npos);
    }
    SUBCASE("an archive that lies about the size: inflating stops at the stated size") {
        std::string bytes = docx({{"word/document.xml", body + std::string(200000, ' ')}});
        // the stated uncompressed size, in the local header (offset 22) and the central directory (offset 24)
        const std::size_t local = bytes.find("PK\x03\x04");
        const std::size_t central = bytes.find("PK\x01\x02");
        REQUIRE(local != std::string::npos);
        REQUIRE(central != std::string::npos);
        for (std::size_t at : {local + 22, central + 24}) bytes.replace(at, 4, std::string("\x00\x10\x00\x00", 4));  // 4096
        const std::string why = refusal(bytes);
        CHECK((why.find("more than its stated size") != std::string::npos || why.find("damaged") != std::string::npos));
    }
    SUBCASE("word/document.xml over a lower limit; too many entries; too many rows") {
        ogi::read::DocxLimits limits;
        limits.max_xml_bytes = 1000;
        auto got = ogi::read::read_docx(docx({{"word/document.xml", body}}), {}, limits);
        REQUIRE_FALSE(got.grid);
        CHECK(got.diagnostics.front().message_en.find("over the limit of 1000") != std::string::npos);
        limits = {};
        limits.max_entries = 3;
        got = ogi::read::read_docx(docx({{"a", "1"}, {"b", "2"}, {"c", "3"}, {"word/document.xml", body}}), {}, limits);
        REQUIRE_FALSE(got.grid);
        CHECK(got.diagnostics.front().message_en.find("4 entries, over the limit of 3") != std::string::npos);
        limits = {};
        limits.max_rows = 3;
        got = ogi::read::read_docx(docx({{"word/document.xml", body}}), {}, limits);
        REQUIRE_FALSE(got.grid);
        CHECK(got.diagnostics.front().message_en.find("more than 3 paragraphs and table rows") != std::string::npos);
    }
    SUBCASE("huge XML: a million nested elements, and a billion laughs, in bounded time") {
        std::string deep = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
        for (int i = 0; i < 100000; ++i) deep += "<w:tbl><w:tr><w:tc>";
        const auto start = std::chrono::steady_clock::now();
        const std::string why = refusal(docx({{"word/document.xml", deep, false}}));  // stored: no ratio to refuse it by
        CAPTURE(why);
        CHECK(why.find("not well-formed XML") != std::string::npos);
        const std::string laughs =
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
            "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
            "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>"
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&h;&h;&h;&h;</w:t></w:r></w:p></w:body></w:document>";
        const ogi::read::BinaryRead got = ogi::read::read_docx(docx({{"word/document.xml", laughs}}), {});
        // entities of a DTD are not expanded: no text at all, or an error; never a billion characters
        if (got.grid)
            for (const auto& r : got.grid->rows)
                for (const auto& c : r.cells) CHECK(c.text.size() < 1000);
        CHECK(seconds_since(start) < 5.0);
    }
    SUBCASE("malformed: not a ZIP after all, a cut-off archive, no document.xml, broken XML, an empty body") {
        CHECK(refusal(std::string("PK\x03\x04", 4) + "word/document.xml and nothing else").find("not a readable DOCX") != std::string::npos);
        const std::string whole = docx({{"word/document.xml", body}});
        CHECK(refusal(whole.substr(0, whole.size() / 2)).find("not a readable DOCX") != std::string::npos);
        CHECK(refusal(docx({{"word/document.xml.bak", "x"}, {"other", "names word/document.xml"}})).find("no word/document.xml") != std::string::npos);
        CHECK(refusal(docx({{"word/document.xml", "<w:document><w:body><w:p>"}})).find("not well-formed XML (line 1") != std::string::npos);
        CHECK(refusal(test::docx_with_body("")).find("has no text") != std::string::npos);
    }
    SUBCASE("a .doc or .wps renamed .docx, and a Word document with a password: said so, with what to do") {
        ogi::ExtractOptions named;
        named.source_name = "report.docx";
        std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
        ole += std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
        CHECK(refusal(ole, named).find("libreoffice --headless --convert-to docx report.docx") != std::string::npos);
        std::string encrypted = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
        encrypted += std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
        CHECK(ogi::detect_input_kind(encrypted) == ogi::InputKind::docx);
        CHECK(refusal(encrypted, named).find("password-protected Word document") != std::string::npos);
    }
}

#ifdef OGI_HAVE_PDF

namespace {

const json::value* lookup(const json::value& v, std::string_view pointer) {
    boost::system::error_code ec;
    const json::value* p = v.find_pointer(pointer, ec);
    return ec ? nullptr : p;
}

}  // namespace

TEST_CASE("PDF: the two real PDFs of the corpus are read cell for cell against their answer keys") {
    ogi::enable_pdf_reading();
    for (const char* name : {"hongze-2023", "hongze-2024"}) {
        CAPTURE(name);
        const std::string pdf = test::read_file(std::string("tests/corpus/pdf/") + name + ".pdf");
        REQUIRE(ogi::detect_input_kind(pdf) == ogi::InputKind::pdf);
        const json::value key = json::parse(test::read_file(std::string("tests/corpus/expected/") + name + ".pdftotext-layout.json"));
        const ogi::ExtractResult res = ogi::extract(pdf);
        REQUIRE(res.report);
        const json::value got = json::value_from(*res.report);
        CHECK(got.at("edition") == key.at("edition"));
        CHECK(res.report->year == key.at("year").as_int64());
        CHECK(res.report->agency.name == std::string(key.at("agency").as_string()));
        CHECK(res.complete == key.at("complete").as_bool());
        std::size_t cells = 0, exact = 0;
        for (const auto& kv : key.at("cells").as_object()) {
            ++cells;
            const json::value* g = lookup(got, kv.key());
            const bool same = g && (*g == kv.value() || (g->is_string() && kv.value().is_string() &&
                                                         ogi::Decimal::parse(g->get_string()) == ogi::Decimal::parse(kv.value().get_string())));
            if (same) ++exact;
            else MESSAGE("miss ", std::string(kv.key()), ": key ", json::serialize(kv.value()), ", got ", g ? json::serialize(*g) : "(absent)");
        }
        MESSAGE(name, ": ", exact, "/", cells, " cells exact");
        CHECK(exact == cells);
        // and no number where the key has none
        for (const char* table : {"proactive", "applications", "reviews"})
            for (const auto& row : got.at(table).as_object())
                for (const auto& cell : row.value().as_object())
                    if (!cell.value().is_null())
                        CHECK(key.at("cells").as_object().contains(fmt::format("/{}/{}/{}", table, std::string(row.key()), std::string(cell.key()))));
    }
}

TEST_CASE("PDF: Chinese drawn with Kangxi radicals is read as the characters it draws") {
    ogi::enable_pdf_reading();
    // tests/pdf/kangxi.pdf: `tests/pdf/pdfgen.py kangxi`; its text layer says ⼈⺠⼯ for 人民工
    const ogi::read::BinaryRead got = ogi::read::binary_reader(ogi::InputKind::pdf)(test::read_file("tests/pdf/kangxi.pdf"), {});
    REQUIRE(got.grid);
    REQUIRE(got.grid->rows.size() == 2);
    CHECK(got.grid->rows[0].cells[0].text == "测试县人民政府2023年政府信息公开工作年度报告");
    CHECK(got.grid->rows[1].cells[0].text == "见长门页");
}

namespace {

using ogi::read::pdf::Page;
using ogi::read::pdf::Word;

/// A word of `chars` full-width characters (em `em`) or a number, at (x, top), as WPS writes them
/// (box height = font size).
Word word(std::string text, float x, float top, float em = 10, bool wide = true) {
    Word w;
    const std::size_t n = ogi::detail::char_count(text);
    w.text = std::move(text);
    w.x0 = x, w.y0 = top, w.y1 = top + em;
    w.x1 = x + static_cast<float>(n) * (wide ? em : em / 2);
    w.em = wide ? em : 0;
    return w;
}

std::vector<std::string> rows_of(const ogi::read::Grid& g) {
    std::vector<std::string> out;
    for (const auto& r : g.rows) {
        std::string s = r.tabular ? "T" + std::to_string(r.table) + ":" : "P:";
        for (const auto& c : r.cells) s += "[" + c.text + "]";
        out.push_back(s);
    }
    return out;
}

}  // namespace

TEST_CASE("PDF layout: rows by baseline, columns by the header, blank cells, wrapped labels, a table over two pages") {
    std::vector<Page> pages(2, Page{595, 842, {}});
    auto& p1 = pages[0].words;
    p1.push_back(word("测试县人民政府", 200, 60, 16));
    p1.push_back(word("三、收到和处理政府信息公开申请情况", 72, 100, 14));
    // header: 自然人, 商业企业 wrapped over two lines and centred, 总计
    p1.push_back(word("自然人", 300, 140));
    p1.push_back(word("商业", 350, 134));
    p1.push_back(word("企业", 350, 147));
    p1.push_back(word("总计", 400, 140));
    // a row with a blank cell (no text under 商业企业), a label wrapped over two lines with its values between
    p1.push_back(word("一、本年新收政府信息公开申请数量", 72, 170));
    p1.push_back(word("5", 310, 170, 10, false));
    p1.push_back(word("5", 405, 170, 10, false));
    p1.push_back(word("（二）部分公开（区分处理的，只计这一情形，", 72, 192));
    p1.push_back(word("不计其他情形）", 72, 205));
    for (float x : {310.f, 355.f, 405.f}) p1.push_back(word("0", x, 198.5f, 10, false));
    p1.push_back(word("-1-", 290, 800, 10, false));  // a page number
    // page 2: the table goes on without its header; a running footer on both pages
    auto& p2 = pages[1].words;
    p2.push_back(word("四、结转下年度继续办理", 72, 60));
    for (float x : {310.f, 355.f, 405.f}) p2.push_back(word("1", x, 60, 10, false));
    p2.push_back(word("五、存在的主要问题及改进情况", 72, 100, 14));
    p2.push_back(word("-2-", 290, 800, 10, false));
    for (Page& p : pages) p.words.push_back(word("某某县人民政府办公室", 72, 820, 8));

    const ogi::read::Grid g = ogi::read::pdf::layout(pages);
    const std::vector<std::string> want = {
        "P:[测试县人民政府]",
        "P:[三、收到和处理政府信息公开申请情况]",
        "T1:[自然人][商业企业][总计]",  // 商业企业 wrapped and centred: its centre is the row's
        "T1:[一、本年新收政府信息公开申请数量][5][][5]",
        "T1:[（二）部分公开（区分处理的，只计这一情形，不计其他情形）][0][0][0]",
        "T1:[四、结转下年度继续办理][1][1][1]",  // the same table, its columns carried over
        "P:[五、存在的主要问题及改进情况]",
    };
    check_rows(rows_of(g), want);
    CHECK(g.tables == 1);
    // each cell's page and box; line = its row in the grid
    const auto& blank = g.rows[3].cells[2];
    CHECK(blank.source.page == 1);
    CHECK(blank.source.x0 <= 360.f);
    CHECK(blank.source.x1 >= 360.f);
    CHECK(g.rows[5].cells[0].source.page == 2);
    CHECK(g.rows[5].cells[0].source.line == 6);
    CHECK(g.rows[3].cells[1].source.column == 1 + ogi::detail::char_count("一、本年新收政府信息公开申请数量") + 1);
}

TEST_CASE("PDF layout: a table whose header the next page repeats is one table, the header said once") {
    std::vector<Page> pages(2, Page{595, 842, {}});
    for (Page& p : pages) {
        p.words.push_back(word("自然人", 300, 60));
        p.words.push_back(word("总计", 400, 60));
    }
    pages[0].words.push_back(word("一、本年新收政府信息公开申请数量", 72, 90));
    pages[0].words.push_back(word("3", 310, 90, 10, false));
    pages[0].words.push_back(word("3", 405, 90, 10, false));
    pages[0].words.push_back(word("二、上年结转政府信息公开申请数量", 72, 112));
    pages[0].words.push_back(word("1", 405, 112, 10, false));
    pages[1].words.push_back(word("四、结转下年度继续办理", 72, 90));
    pages[1].words.push_back(word("2", 310, 90, 10, false));
    pages[1].words.push_back(word("2", 405, 90, 10, false));
    pages[1].words.push_back(word("（一）予以公开", 72, 112));
    pages[1].words.push_back(word("4", 405, 112, 10, false));
    const ogi::read::Grid g = ogi::read::pdf::layout(pages);
    check_rows(rows_of(g), {
                               "T1:[自然人][总计]",
                               "T1:[一、本年新收政府信息公开申请数量][3][3]",
                               "T1:[二、上年结转政府信息公开申请数量][][1]",
                               "T1:[四、结转下年度继续办理][2][2]",
                               "T1:[（一）予以公开][][4]",
                           });
    CHECK(g.tables == 1);
}

TEST_CASE("PDF layout: paragraphs joined over lines and pages; page numbers of every kind dropped; turned text read") {
    std::vector<Page> pages(3, Page{595, 842, {}});
    // a paragraph: indented first line, full lines, a short last line; it goes on over the page break
    pages[0].words = {word("一、总体情况", 72, 100), word("今年以来，本机关认真贯彻落实", 92, 120),
                      word("《条例》，主动公开政府信息一百二十条。", 72, 137)};
    pages[0].words[1].x1 = 520;
    pages[0].words[2].x1 = 520;
    pages[0].words.push_back(word("第 1 页 共 2 页", 260, 800, 9));
    pages[1].words = {word("其中规范性文件十件。", 72, 60), word("（一）主动公开情况", 92, 80), word("第2页", 280, 800, 9)};
    // a label written down a tall cell: turned text
    Word v = word("办理结果", 40, 300);
    v.rotation = 1;
    v.x1 = 50, v.y1 = 340;
    pages[1].words.push_back(v);
    pages[2].words = {word("六、其他需要报告的事项", 72, 60), word("3", 295, 800, 9, false)};  // a bare page number
    const ogi::read::Grid g = ogi::read::pdf::layout(pages);
    const std::vector<std::string> want = {
        "P:[一、总体情况]",
        "P:[今年以来，本机关认真贯彻落实《条例》，主动公开政府信息一百二十条。其中规范性文件十件。]",
        "P:[（一）主动公开情况]",
        "P:[办理结果]",
        "P:[六、其他需要报告的事项]",
    };
    check_rows(rows_of(g), want);
}

TEST_CASE("PDF layout: words with boxes of any size, place or number do not break it") {
    // no words; one page of nothing but junk boxes; NaN and huge coordinates
    CHECK(ogi::read::pdf::layout({}).rows.empty());
    std::vector<Page> pages(1, Page{0, 0, {}});
    std::mt19937 rng(7);
    for (int i = 0; i < 3000; ++i) {
        Word w = word(i % 3 ? "12" : "规章", static_cast<float>(rng() % 600), static_cast<float>(rng() % 900),
                      static_cast<float>(rng() % 20), i % 3 != 0);
        if (i % 97 == 0) w.x0 = std::numeric_limits<float>::quiet_NaN();
        if (i % 89 == 0) w.y1 = 1e30f;
        w.rotation = static_cast<std::uint8_t>(rng() % 4);
        pages[0].words.push_back(w);
    }
    const auto start = std::chrono::steady_clock::now();
    const ogi::read::Grid g = ogi::read::pdf::layout(pages);
    CHECK_FALSE(g.rows.empty());
    CHECK(seconds_since(start) < 10.0);
}

#endif  // OGI_HAVE_PDF
