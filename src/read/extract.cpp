// ogi::extract: a published report read through the one reading engine (read/README.md):
//
//   bytes ─ kind ─┬─ text ── decode ── read_text ─┐
//                 ├─ HTML ── decode ── read_html ─┤
//                 └─ PDF, DOCX ─ binary reader ───┴─ grid ─ split_lines ─ tokenize ─ place ─ resolve_runs ─ report
//
// Every reader makes a grid; every stage after it knows no input format.
#include <ogi/read/extract.hpp>

#include "base/text.hpp"
#include "read/cells.hpp"
#include "read/chars.hpp"
#include "read/html.hpp"
#include "read/metadata.hpp"
#include "read/place.hpp"
#include "read/readers.hpp"
#include "read/runs.hpp"
#include "read/text_reader.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace ogi {
namespace {

using read::Grid;
using read::GridRow;
using read::Placement;
using read::Slot;

/// The file's extension in lower case ("doc", "wps"), or "".
std::string extension_of(std::string_view name) {
    const std::size_t slash = name.find_last_of("/\\");
    const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
    const std::size_t dot = base.rfind('.');
    std::string ext(dot == std::string_view::npos ? std::string_view() : base.substr(dot + 1));
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return ext;
}

/// No report, and an OGI-E-FORMAT error that says what the file is and what to turn it into.
ExtractResult format_refused(InputKind kind, std::string_view name) {
    const std::string ext = extension_of(name);
    std::string en, zh;
    switch (kind) {
    case InputKind::pdf:
        en = "this is a PDF, and this build of ogi has no PDF reader (it is built when poppler's C++ library, "
             "libpoppler-cpp-dev, is found); convert it with `pdftotext -layout` and read the text";
        zh = "这是PDF文件，而此版本的ogi未包含PDF读取组件（找到poppler的C++库libpoppler-cpp-dev时才构建）；"
             "可先用`pdftotext -layout`转换为文本再读取";
        break;
    case InputKind::docx:
        en = "this is a Word (.docx) document, and this build of ogi has no DOCX reader; save it as PDF or text";
        zh = "这是Word（.docx）文档，而此版本的ogi未包含DOCX读取组件；请另存为PDF或文本";
        break;
    case InputKind::word97: {
        const bool wps = ext == "wps";
        en = fmt::format("this is a {} file (an old binary format), which ogi does not read: convert it to .docx first, "
                         "for example `libreoffice --headless --convert-to docx {}`",
                         wps ? "WPS (.wps)" : "Word 97-2003 (.doc)", name.empty() ? "FILE" : std::string(name));
        zh = fmt::format("这是{}文件（旧的二进制格式），ogi不读取：请先转换为.docx，例如`libreoffice --headless --convert-to docx {}`",
                         wps ? "WPS（.wps）" : "Word 97-2003（.doc）", name.empty() ? "文件" : std::string(name));
        break;
    }
    case InputKind::spreadsheet:
        en = "this is a spreadsheet, which ogi does not read: save the report as PDF, DOCX or text";
        zh = "这是电子表格文件，ogi不读取：请将年报另存为PDF、DOCX或文本";
        break;
    case InputKind::image:
        en = "this is an image: a scanned report has no text to read; run OCR on it first and read the text";
        zh = "这是图片文件：扫描件没有可读取的文字；请先进行OCR文字识别，再读取识别出的文本";
        break;
    default:
        en = "this is an archive or a binary file, which ogi does not read: give it the report itself (text, HTML, PDF or DOCX)";
        zh = "这是压缩包或二进制文件，ogi不读取：请提供年报本身（文本、HTML、PDF或DOCX）";
        break;
    }
    ExtractResult refused;
    refused.diagnostics.push_back(Diagnostic{"OGI-E-FORMAT", Severity::error, "", std::move(zh), std::move(en), {}, {}, {}, {}, {}});
    return refused;
}

/// The unit printed with an amount (元, 万元) goes to the row's unit cell, where it has one.
void set_unit(Report& r, const Form& f, const CellDef& d, const std::string& unit) {
    const std::string word = unit == "万元" ? "wan_yuan" : (unit == "元" ? "yuan" : "");
    for (const Column& c : f.tables()[d.table].blocks[d.block].columns) {
        if (c.kind != CellKind::unit) continue;
        for (std::size_t w = 0; w < c.words.size(); ++w)
            if (c.words[w] == word)
                *r.cell(fmt::format("/{}/{}/{}", f.tables()[d.table].key, f.row(d).key, c.key)) =
                    Cell{Cell::State::value, static_cast<std::int64_t>(w), {}};
    }
}

/// Whether each read cell's relations hold: for every relation of the form whose cells all hold
/// counts, its cells are confirmed when it holds and contradicted when it fails.
std::vector<std::string_view> relation_status(const Report& r) {
    const Form& f = r.form();
    std::vector<std::string_view> status(f.cells().size(), "unchecked");
    auto sum = [&](const std::vector<CellIndex>& cells, std::int64_t& out) {
        out = 0;
        for (CellIndex c : cells) {
            const Cell& cell = r.cells()[c];
            if (!cell.has_value() || f.column(f.cells()[c]).kind == CellKind::money) return false;
            out += cell.number;
        }
        return true;
    };
    for (const Relation& rel : f.relations()) {
        std::int64_t a = 0, b = 0;
        if (!sum(rel.lhs, a) || !sum(rel.rhs, b)) continue;
        const bool holds = rel.op == Comparison::equal ? a == b : rel.op == Comparison::less_equal ? a <= b : a >= b;
        for (const auto* side : {&rel.lhs, &rel.rhs})
            for (CellIndex c : *side) {
                if (!holds) status[c] = "contradicted";
                else if (status[c] == "unchecked") status[c] = "confirmed";
            }
    }
    return status;
}

/// The report from the placement: every cell placed is read as its kind needs; the rest stay blank.
ExtractResult build(Placement& p, const std::vector<std::string_view>& lines, std::size_t offset_base) {
    (void)offset_base;
    ExtractResult result_;
    result_.diagnostics = std::move(p.diagnostics);
    auto diag = [&](std::string_view rule, Severity sev, std::string path, std::size_t line, std::size_t column, std::string en,
                    std::string zh) {
        read::SourceSpan at;
        at.line = static_cast<std::uint32_t>(line);
        at.column = static_cast<std::uint32_t>(column);
        result_.diagnostics.push_back(read::reading_diagnostic(rule, sev, std::move(path), &at, std::move(en), std::move(zh)));
    };
    const Edition edition_ = p.edition;
    const bool single_other = p.single_other;
    const Form& f = form(edition_);
    const std::set<CellIndex> ambiguous(p.undecided.begin(), p.undecided.end());
    const std::set<CellIndex> unreadable(p.unreadable.begin(), p.unreadable.end());
    // The report: every cell found is filled; the rest stay blank.
    Report r(edition_);
    r.use_single_other(single_other);
    std::size_t expected = 0, found = 0;
    std::string first_missing;
    for (std::size_t i = 0; i < f.cells().size(); ++i) {
        const CellDef& d = f.cells()[i];
        const Column& col = f.column(d);
        Cell& cell = r.cells()[i];
        if (cell.state == Cell::State::absent || col.kind == CellKind::unit) continue;
        ++expected;
        const CellIndex ci = static_cast<CellIndex>(i);
        if (auto hint = p.unit_hints.find(ci); hint != p.unit_hints.end() && col.kind == CellKind::money)
            set_unit(r, f, d, hint->second);
        if (!p.cells[i]) {
            // Not read: undecided (said), unreadable (said) or not in the text at all.
            if (ambiguous.count(ci) || unreadable.count(ci)) ++found;
            else if (first_missing.empty()) first_missing = d.pointer;
            continue;
        }
        ++found;
        const Slot& s = *p.cells[i];
        SourcePosition& where = result_.provenance[d.pointer];
        where.line = s.source.line;
        where.column = s.source.column;
        where.offset = s.source.offset;
        where.length = s.source.length;
        where.page = s.source.page;
        where.text = s.raw;
        where.basis = read::to_string(s.basis);
        if (s.blank) continue;
        const std::size_t line = s.source.line, column = s.source.column;
        const bool negative = !s.value.empty() && s.value[0] == '-';
        if (col.kind == CellKind::money) {
            auto dec = Decimal::parse(s.value);
            if (!dec || dec->is_negative()) {
                diag("OGI-E-UNREADABLE", Severity::warning, d.pointer, line, column,
                     fmt::format("\"{}\" is not an amount: left blank", s.raw), fmt::format("“{}”不是金额：留空", s.raw));
                continue;
            }
            cell = Cell{Cell::State::value, 0, *dec};
            if (!s.unit.empty()) set_unit(r, f, d, s.unit);
        } else {
            if (s.value.find('.') != std::string::npos) {
                diag("OGI-E-UNREADABLE", Severity::warning, d.pointer, line, column,
                     fmt::format("\"{}\" is not a whole number: left blank", s.raw), fmt::format("“{}”不是整数：留空", s.raw));
                continue;
            }
            if (negative && col.kind == CellKind::count) {
                diag("OGI-E-UNREADABLE", Severity::warning, d.pointer, line, column,
                     fmt::format("\"{}\" is negative, which a count cannot be: left blank", s.raw),
                     fmt::format("“{}”为负数，数量不能为负：留空", s.raw));
                continue;
            }
            const std::string digits = negative ? s.value.substr(1) : s.value;
            if (digits.size() > 15) {
                diag("OGI-E-UNREADABLE", Severity::warning, d.pointer, line, column,
                     fmt::format("\"{}\" is too large to be a count: left blank", s.raw), fmt::format("“{}”数值过大：留空", s.raw));
                continue;
            }
            std::int64_t v = read::to_int(digits);
            cell = Cell{Cell::State::value, negative ? -v : v, {}};
        }
        if (s.annotated)
            diag("OGI-E-ANNOTATED", Severity::info, d.pointer, line, column,
                 fmt::format("read \"{}\" as {}", s.raw, col.kind == CellKind::money ? cell.money.to_string() : std::to_string(cell.number)),
                 fmt::format("“{}”按{}读取", s.raw, col.kind == CellKind::money ? cell.money.to_string() : std::to_string(cell.number)));
    }
    result_.complete = first_missing.empty() && found == expected;
    if (!first_missing.empty()) {
        const std::size_t missing = expected - found;
        diag("OGI-E-TRUNCATED", Severity::warning, first_missing, 0, 0,
             fmt::format("{} of {} cells were not found in the input, from {} on: they are left blank", missing, expected,
                         first_missing),
             fmt::format("输入中缺少{}个单元格（共{}个），自{}起：均留空", missing, expected, first_missing));
    }
    // A report that mixes the layouts of the two editions is kept as it is, and said.
    if ((edition_ == Edition::e2021) == single_other)
        diag("OGI-E-MIXED", Severity::warning, single_other ? "/applications/other" : "/applications/other_overdue_correction",
             0, 0,
             fmt::format("section 二 follows the {} form but section 三（六） has the layout of the other edition",
                         to_string(edition_)),
             fmt::format("第二部分为{}版格式，但第三部分（六）为另一版本的版式", to_string(edition_)));
    read::read_metadata(lines, r);
    // No year in the title, the statistics period or the overview: 0 is kept (report JSON then
    // needs it filled in, and the validator says so), never a guess from the dates of the page.
    if (r.year == 0)
        diag("OGI-E-MISSING", Severity::warning, "/year", 0, 0,
             "the year the report covers was not found (not in its title, its statistics period or its overview): "
             "fill in /year",
             "未找到年报所属年度（标题、统计期限和总体情况中均无）：请填写/year");
    result_.report = std::move(r);
    const auto status = relation_status(*result_.report);
    for (auto& [pointer, pos] : result_.provenance) pos.relations = status[*f.find(pointer)];
    return result_;
}

/// The columns (1-based, in characters) of the places that have a line and an offset in `text`
/// but no column yet (an HTML page's cells): counted in one pass in the order of their offsets.
void columns_of(std::string_view text, std::vector<std::pair<std::size_t, SourcePosition*>> places) {
    std::sort(places.begin(), places.end());
    std::vector<std::size_t> line_starts{0};
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) line_starts.push_back(i + 1);
    std::size_t counted = 0, chars = 0, counted_line = 0;
    for (auto& [offset, pos] : places) {
        if (offset > text.size() || pos->line == 0 || pos->line > line_starts.size()) continue;
        const std::size_t start = line_starts[pos->line - 1];
        if (offset < start) continue;
        if (counted_line != pos->line || counted > offset || counted < start) counted_line = pos->line, counted = start, chars = 0;
        chars += detail::char_count(text.substr(counted, offset - counted));
        counted = offset;
        pos->column = 1 + chars;
    }
}

}  // namespace

boost::json::object explain_json(const ExtractResult& result) {
    boost::json::object out;
    if (!result.report) return out;
    for (const CellDef& d : result.report->form().cells()) {
        const auto it = result.provenance.find(d.pointer);
        if (it == result.provenance.end()) continue;
        const SourcePosition& p = it->second;
        boost::json::object o;
        o["line"] = p.line;
        o["column"] = p.column;
        o["offset"] = p.offset;
        o["length"] = p.length;
        if (p.page) o["page"] = p.page;
        o["text"] = p.text;
        o["basis"] = p.basis;
        o["relations"] = p.relations;
        out[d.pointer] = std::move(o);
    }
    return out;
}

ExtractResult extract(std::string_view bytes, const ExtractOptions& options) {
    if (bytes.size() > options.max_bytes) {
        ExtractResult refused;
        refused.diagnostics.push_back(
            Diagnostic{"OGI-E-NO-TABLES", Severity::error, "",
                       fmt::format("输入有{}字节，超过{}字节的上限：未读取", bytes.size(), options.max_bytes),
                       fmt::format("the input is {} bytes, over the limit of {} bytes: it was not read", bytes.size(),
                                   options.max_bytes),
                       {}, {}, {}, 1, 1});
        return refused;
    }
    // Binary inputs are read into a grid by their reader; text and HTML are decoded first.
    const InputKind kind = detect_input_kind(bytes);
    Grid grid;
    std::vector<Diagnostic> reader_notes;
    detail::Encoding enc{};
    std::string text;
    std::size_t offset_base = 0;
    if (kind != InputKind::text && kind != InputKind::html) {
        const read::BinaryReader reader = read::binary_reader(kind);
        if (!reader) return format_refused(kind, options.source_name);
        read::BinaryRead got = reader(bytes, options);
        if (!got.grid) {
            ExtractResult refused;
            refused.diagnostics = std::move(got.diagnostics);
            return refused;
        }
        grid = std::move(*got.grid);
        reader_notes = std::move(got.diagnostics);
    } else {
        text = detail::decode_text(bytes, enc);
        // Offsets are of the file's own bytes where the text is the file's (UTF-8, after a BOM).
        if (enc == detail::Encoding::utf8_bom) offset_base = 3;
        grid = kind == InputKind::html ? read::read_html(text) : read::read_text(text, offset_base);
    }
    // The lines, for metadata and narrative: of the text itself, or a grid's rows joined by tabs.
    std::vector<std::string> joined;
    std::vector<std::string_view> lines;
    if (kind == InputKind::text) {
        for (std::size_t start = 0;;) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::string_view l(text.data() + start, end - start);
            if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
            lines.push_back(l);
            if (end == text.size()) break;
            start = end + 1;
        }
    } else {
        joined.reserve(grid.rows.size());
        for (const GridRow& l : grid.rows) {
            std::string& s = joined.emplace_back();
            for (const auto& c : l.cells) {
                if (!s.empty()) s += '\t';
                s += c.text;
            }
        }
        lines.assign(joined.begin(), joined.end());
    }
    const bool glued = read::split_lines(grid);
    const std::vector<read::Token> tokens = read::tokenize(grid, glued);
    Placement placement = read::place(tokens, glued);
    ExtractResult result;
    if (placement.no_tables) {
        result.diagnostics = std::move(placement.diagnostics);
    } else {
        read::resolve_runs(placement, tokens, read::prose_hints(lines, placement.edition));
        result = build(placement, lines, offset_base);
    }
    if (kind == InputKind::html) {
        std::vector<std::pair<std::size_t, SourcePosition*>> places;
        for (auto& [pointer, pos] : result.provenance)
            if (pos.line && !pos.column) places.emplace_back(pos.offset, &pos);
        columns_of(text, std::move(places));
    }
    result.diagnostics.insert(result.diagnostics.begin(), reader_notes.begin(), reader_notes.end());
    if (enc == detail::Encoding::gb18030)
        result.diagnostics.insert(result.diagnostics.begin(),
                                  Diagnostic{"OGI-E-ENCODING", Severity::info, "", "输入不是UTF-8，已按GB18030（GBK）读取",
                                             "the input is not UTF-8; it was read as GB18030 (GBK)", {}, {}, {}, 1, 1});
    if (enc == detail::Encoding::utf8_repaired)
        result.diagnostics.insert(result.diagnostics.begin(),
                                  Diagnostic{"OGI-E-ENCODING", Severity::warning, "",
                                             "输入含有无效的UTF-8字节，已替换为U+FFFD", "the input has invalid UTF-8 bytes; they were replaced by U+FFFD",
                                             {}, {}, {}, 1, 1});
    if (result.report) {
        if (!options.source_name.empty()) result.report->source["file"] = options.source_name;
        if (options.with_provenance) {
            boost::json::object prov;
            for (const auto& [p, pos] : result.provenance) prov[p] = fmt::format("{}:{}", pos.line, pos.column);
            result.report->source["provenance"] = std::move(prov);
        }
    }
    return result;
}

}  // namespace ogi
