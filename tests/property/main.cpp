// ogi-property: property tests of extraction over the whole corpus and over random reports written
// in every layout (issue 15). An answer key says what one file gives; these say what must hold for
// every cut, every deleted cell and every order of sections of every file:
//
//   1. prefix   — the text cut at every line (and, in a crawler's one-line dump, at every end of a
//                 run of digits; in HTML after every </tr>): every cell the prefix reads has the
//                 full text's value or is blank, never another number;
//   2. delete   — one value cell at a time blanked (its text removed, its separators kept) or
//                 deleted (the cell and one separator removed) in the tabular layouts: every cell
//                 outside that cell's row reads as before, and the row's cells read as before or
//                 blank — never another number;
//   3. shuffle  — the sections (一 … 六) in other orders (the one that ends the text staying last):
//                 the same cells.
//
// Usage: ogi-property SOURCE_DIR [--full] [--only NAME] [--verbose]
// Without --full every property runs on a deterministic sample of its cases (CI: a few seconds);
// with it on all of them (tests/property_full.sh). Exit status 1 when any case breaks a property;
// every break is printed with its input, case and cell.
#include "layouts.hpp"
#include "random_report.hpp"

#include <ogi/ogi.hpp>
#include <ogi/read/extract.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string source_dir;
bool full = false, verbose = false;
std::string only;

std::string read_file(const std::string& relative) {
    std::ifstream in(source_dir + "/" + relative, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// How an input shows its rows, for the cuts and the deletions.
enum class Layout {
    lines,        ///< a table row is a line (pipes, tabs, pdftotext -layout): cut at lines; a cell's row is its line
    row_blocks,   ///< a cell per line, a blank line ends a row (copied HTML): a cell's row is its block
    cell_stream,  ///< a cell per line with no row boundary in the text: cut at lines; no deletions
    glued,        ///< a crawler's dump, the body on one line: cut at the ends of digit runs; no deletions
    html,         ///< HTML, a <tr> per line: cut after each </tr>; a cell's row is its line
};

struct Input {
    std::string name;
    std::string text;
    Layout layout;
    bool spaces_only = false;  ///< pdftotext -layout: a cell can only be blanked (its place kept by spaces)
};

struct Census {
    std::size_t cases = 0, broken = 0, cells_read = 0, cells_blank = 0;
    std::size_t flagged = 0;  ///< deletions that left a number in a row the reading flagged
};
std::map<std::string, Census> census;  // by property
std::size_t breaks_shown = 0;

void report_break(const std::string& property, const std::string& input, const std::string& what) {
    if (breaks_shown++ < 200 || verbose) std::printf("BREAK %s %s: %s\n", property.c_str(), input.c_str(), what.c_str());
}

ogi::ExtractResult read(const std::string& text, bool provenance = false) {
    ogi::ExtractOptions o;
    o.with_provenance = provenance;
    return ogi::extract(text, o);
}

/// A cell's value as text ("" for blank or absent), to compare reports of either edition by pointer.
std::string value_at(const ogi::Report& r, const std::string& pointer) {
    const ogi::Cell* c = r.cell(pointer);
    if (!c || c->state != ogi::Cell::State::value) return "";
    const auto i = *r.form().find(pointer);
    const auto& col = r.form().column(r.form().cells()[i]);
    return col.kind == ogi::CellKind::money ? c->money.to_string() : std::to_string(c->number);
}

/// The cells of `got` that hold a number that `want` does not have there (another number, or
/// one where `want` is blank): the misplaced numbers. Units are not numbers of the text.
std::vector<std::string> misplaced(const ogi::Report& got, const ogi::Report& want, const std::set<std::string>* skip = nullptr) {
    std::vector<std::string> out;
    const ogi::Form& f = got.form();
    for (std::size_t i = 0; i < f.cells().size(); ++i) {
        const auto& d = f.cells()[i];
        if (f.column(d).kind == ogi::CellKind::unit || !got.cells()[i].has_value()) continue;
        if (skip && skip->count(d.pointer)) continue;
        const std::string g = value_at(got, d.pointer), w = value_at(want, d.pointer);
        if (g != w) out.push_back(fmt::format("{} = {} (the whole text gives {})", d.pointer, g, w.empty() ? "blank" : w));
    }
    return out;
}

/// Whether a sample of `n` cases takes case `k` (all of them with --full).
bool sampled(std::size_t k, std::size_t n, std::size_t keep) {
    if (full || n <= keep) return true;
    return (k * 2654435761u) % n < keep;
}

// ---------------------------------------------------------------- 1. prefixes

std::vector<std::size_t> cut_points(const Input& in) {
    std::vector<std::size_t> cuts;
    const std::string& t = in.text;
    if (in.layout == Layout::glued) {
        for (std::size_t i = 1; i < t.size(); ++i)
            if (t[i - 1] >= '0' && t[i - 1] <= '9' && !(t[i] >= '0' && t[i] <= '9') && t[i] != '.') cuts.push_back(i);
    } else if (in.layout == Layout::html) {
        for (std::size_t at = t.find("</tr>"); at != std::string::npos; at = t.find("</tr>", at + 1)) cuts.push_back(at + 5);
    } else {
        for (std::size_t i = 0; i < t.size(); ++i)
            if (t[i] == '\n') cuts.push_back(i + 1);
    }
    return cuts;
}

void prefix_property(const Input& in, const ogi::Report& whole) {
    Census& c = census["prefix"];
    const auto cuts = cut_points(in);
    for (std::size_t k = 0; k < cuts.size(); ++k) {
        if (!sampled(k, cuts.size(), 40)) continue;
        ++c.cases;
        const auto res = read(in.text.substr(0, cuts[k]));
        if (!res.report) continue;
        const auto bad = misplaced(*res.report, whole);
        for (const auto& cell : *&res.report->cells()) (cell.has_value() ? c.cells_read : c.cells_blank)++;
        if (bad.empty()) continue;
        ++c.broken;
        for (const auto& b : bad) report_break("prefix", in.name, fmt::format("cut at byte {}: {}", cuts[k], b));
    }
}

// ---------------------------------------------------------------- 2. one value cell blanked or deleted

/// The byte offset of 1-based (line, column in characters) in `t`.
std::size_t offset_of(const std::string& t, std::size_t line, std::size_t column) {
    std::size_t at = 0;
    for (std::size_t l = 1; l < line && at != std::string::npos; ++l) {
        at = t.find('\n', at);
        if (at != std::string::npos) ++at;
    }
    if (at == std::string::npos) return std::string::npos;
    for (std::size_t col = 1; col < column && at < t.size() && t[at] != '\n'; ++col) {
        const auto b = static_cast<unsigned char>(t[at]);
        at += b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }
    return at;
}

/// The key of the row a source line belongs to: the line, or for row blocks the block.
std::size_t row_key(const Input& in, std::size_t line) {
    if (in.layout != Layout::row_blocks) return line;
    std::size_t block = 0, l = 1;
    for (std::size_t i = 0; i < in.text.size() && l < line; ++i)
        if (in.text[i] == '\n') {
            ++l;
            if (i + 1 < in.text.size() && (in.text[i + 1] == '\n' || (in.text[i + 1] == '\r'))) ++block;
        }
    return block;
}

void delete_property(const Input& in, const ogi::ExtractResult& whole_res) {
    if (in.layout == Layout::glued || in.layout == Layout::cell_stream) return;
    Census& c = census["delete"];
    const ogi::Report& whole = *whole_res.report;
    const ogi::Form& f = whole.form();
    // Each cell with a value, where the text shows it.
    struct Target {
        std::string pointer;
        std::size_t line, column;
    };
    std::vector<Target> targets;
    std::map<std::string, std::size_t> row_of;  // pointer → row key
    for (const auto& [pointer, pos] : whole_res.provenance) {
        row_of[pointer] = row_key(in, pos.line);
        const ogi::Cell* cell = whole.cell(pointer);
        if (cell && cell->has_value() && f.column(f.cells()[*f.find(pointer)]).kind != ogi::CellKind::unit)
            targets.push_back({pointer, pos.line, pos.column});
    }
    std::size_t k = 0;
    for (const Target& t : targets) {
        for (const bool deleting : {false, true}) {
            if (deleting && in.spaces_only) continue;
            if (!sampled(k++, targets.size() * 2, 30)) continue;
            std::string text = in.text;
            std::size_t at = offset_of(text, t.line, t.column);
            if (at == std::string::npos || at >= text.size()) continue;
            std::size_t end = at;
            if (in.layout == Layout::html) {  // the cell from its <td> to its </td>
                const std::size_t close = text.find("</td>", at);
                const std::size_t open_end = text.find('>', at);
                if (close == std::string::npos || open_end == std::string::npos || open_end > close) continue;
                if (deleting) text.erase(at, close + 5 - at);
                else text.erase(open_end + 1, close - open_end - 1);
            } else {
                while (end < text.size() && text[end] != '\n' && text[end] != '\t' && text[end] != '|' && text[end] != ' ')
                    ++end;
                if (end == at) continue;
                if (in.spaces_only) {
                    text.replace(at, end - at, std::string(end - at, ' '));
                } else if (!deleting) {
                    text.erase(at, end - at);
                } else if (in.layout == Layout::row_blocks) {  // the cell's whole line: "\t5\n"
                    std::size_t from = at;
                    while (from > 0 && text[from - 1] != '\n') --from;
                    const std::size_t to = text.find('\n', at);
                    text.erase(from, (to == std::string::npos ? text.size() : to + 1) - from);
                } else {  // the cell and the separator after it: "5 | " or "5\t"
                    std::size_t to = end;
                    while (to < text.size() && text[to] == ' ') ++to;
                    if (to < text.size() && (text[to] == '|' || text[to] == '\t')) ++to;
                    while (to < text.size() && text[to] == ' ') ++to;
                    text.erase(at, to - at);
                }
            }
            ++c.cases;
            const auto res = read(text);
            if (!res.report) {
                ++c.broken;
                report_break("delete", in.name, fmt::format("{} {}: no report", deleting ? "deleting" : "blanking", t.pointer));
                continue;
            }
            const std::size_t row = row_of[t.pointer];
            // A row the reading flags (its cells said to be unreadable or missing) may hold what
            // it could read: its first cells where the text seems to stop inside it.
            auto flagged = [&](const std::string&) {
                // A finding at a cell of the row, or at a row or table holding one of them.
                for (const auto& d : res.diagnostics) {
                    if (d.rule != "OGI-E-TRUNCATED" && d.rule != "OGI-E-UNREADABLE") continue;
                    for (const auto& [q, r] : row_of)
                        if (r == row && (d.path == q || (!d.path.empty() && q.rfind(d.path + "/", 0) == 0))) return true;
                }
                return false;
            };
            // Outside the row: exactly as before. In the row: as before or blank, or flagged; the cell itself blank.
            std::vector<std::string> bad;
            const ogi::Form& g = res.report->form();
            if (res.report->edition() != whole.edition()) bad.push_back("the edition changed");
            for (std::size_t i = 0; i < g.cells().size() && bad.empty(); ++i) {
                const auto& d = g.cells()[i];
                if (g.column(d).kind == ogi::CellKind::unit) continue;
                const std::string got = value_at(*res.report, d.pointer), want = value_at(whole, d.pointer);
                const auto r = row_of.find(d.pointer);
                const bool in_row = r != row_of.end() && r->second == row;
                if (d.pointer == t.pointer) {
                    if (!got.empty() && !flagged(d.pointer)) bad.push_back(fmt::format("{} itself reads {}", d.pointer, got));
                    else if (!got.empty()) ++c.flagged;
                } else if (in_row) {
                    if (!got.empty() && got != want && !flagged(d.pointer))
                        bad.push_back(fmt::format("{} (same row) = {}, was {}", d.pointer, got, want));
                } else if (got != want) {
                    bad.push_back(fmt::format("{} (another row) = {}, was {}", d.pointer, got.empty() ? "blank" : got,
                                              want.empty() ? "blank" : want));
                }
            }
            if (bad.empty()) continue;
            ++c.broken;
            for (const auto& b : bad)
                report_break("delete", in.name, fmt::format("{} {}: {}", deleting ? "deleting" : "blanking", t.pointer, b));
        }
    }
}

// ---------------------------------------------------------------- 3. sections in other orders

/// Where each section (一 … 六) starts: byte offsets of its heading, in order, from the body on.
std::vector<std::size_t> section_starts(const Input& in) {
    static const char* headings[] = {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                     "四、政府信息公开行政复议", "四、因政府信息公开申请行政复议", "五、", "六、"};
    std::vector<std::size_t> at;
    const std::string& t = in.text;
    for (const char* h : headings) {
        const std::string head = h;
        for (std::size_t p = t.find(head); p != std::string::npos; p = t.find(head, p + 1)) {
            // A heading starts a line (or, in a dump, sits anywhere); 五、/六、 must be section headings.
            const bool line_start = p == 0 || t[p - 1] == '\n' || t[p - 1] == '>' || t[p - 1] == '\t' ||
                                    in.layout == Layout::glued || t.substr(p > 3 ? p - 3 : 0, 3) == "   ";
            if (!line_start) continue;
            if ((head == "五、" || head == "六、")) {
                const std::string rest = t.substr(p, 90);
                if (rest.find("问题") == std::string::npos && rest.find("其他需要报告") == std::string::npos) continue;
            }
            at.push_back(p);
            break;
        }
    }
    std::sort(at.begin(), at.end());
    at.erase(std::unique(at.begin(), at.end()), at.end());
    return at;
}

void shuffle_property(const Input& in, const ogi::Report& whole) {
    Census& c = census["shuffle"];
    const auto starts = section_starts(in);
    if (starts.size() < 3) return;
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < starts.size(); ++i)
        parts.push_back(in.text.substr(starts[i], (i + 1 < starts.size() ? starts[i + 1] : in.text.size()) - starts[i]));
    const std::string head = in.text.substr(0, starts.front());
    std::string tail;  // an HTML page's closing tags stay at the end
    if (in.layout == Layout::html) {
        std::string& last = parts.back();
        const std::size_t close = last.rfind("</body>");
        if (close != std::string::npos) {
            tail = last.substr(close);
            last.resize(close);
        }
    }
    for (std::string& p : parts)  // each part ends a line, wherever it is put
        if (in.layout != Layout::glued && in.layout != Layout::html && (p.empty() || p.back() != '\n')) p += '\n';
    // The part that ends the text stays last: a text that ends inside a table's digits (a crawler's
    // dump) may have been cut there, and is read so, whatever its order.
    std::vector<std::vector<std::size_t>> orders;
    std::vector<std::size_t> order(parts.size() - 1);
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 rng(static_cast<unsigned>(in.text.size()));
    orders.push_back(std::vector<std::size_t>(order.rbegin(), order.rend()));
    for (int k = 0; k < (full ? 12 : 3); ++k) {
        std::shuffle(order.begin(), order.end(), rng);
        orders.push_back(order);
    }
    for (auto& o : orders) o.push_back(parts.size() - 1);
    for (const auto& o : orders) {
        std::string text = head;
        for (std::size_t i : o) text += parts[i];
        text += tail;
        ++c.cases;
        const auto res = read(text);
        std::vector<std::string> bad;
        if (!res.report) bad.push_back("no report");
        else if (res.report->edition() != whole.edition()) bad.push_back("the edition changed");
        else
            for (std::size_t i = 0; i < whole.cells().size(); ++i)
                if (!(res.report->cells()[i] == whole.cells()[i])) {
                    const std::string& p = whole.form().cells()[i].pointer;
                    const std::string g = value_at(*res.report, p), w = value_at(whole, p);
                    bad.push_back(fmt::format("{} = {}, was {}", p, g.empty() ? "blank" : g, w.empty() ? "blank" : w));
                }
        if (bad.empty()) continue;
        ++c.broken;
        std::string ord;
        for (std::size_t i : o) ord += std::to_string(i);
        for (std::size_t b = 0; b < bad.size() && b < 5; ++b)
            report_break("shuffle", in.name, fmt::format("order {}: {}{}", ord, bad[b], bad.size() > 5 && b == 4 ? " …" : ""));
    }
}

// ---------------------------------------------------------------- the inputs

std::vector<Input> inputs() {
    std::vector<Input> out;
    const std::pair<const char*, Layout> corpus[] = {
        {"excerpts/013.txt", Layout::lines},       {"excerpts/014.txt", Layout::lines},
        {"excerpts/015.txt", Layout::lines},       {"excerpts/016.txt", Layout::cell_stream},
        {"excerpts/017.txt", Layout::cell_stream}, {"excerpts/018.txt", Layout::cell_stream},
        {"excerpts/019.txt", Layout::cell_stream}, {"excerpts/020.txt", Layout::cell_stream},
        {"excerpts/021.txt", Layout::cell_stream}, {"excerpts/022.txt", Layout::cell_stream},
        {"excerpts/023.txt", Layout::cell_stream}, {"seed/liucheng-2020.txt", Layout::row_blocks},
        {"reports/pingtan-2019.txt", Layout::glued}, {"reports/pingtan-2020.txt", Layout::glued},
        {"reports/pingtan-2021.txt", Layout::glued}, {"reports/pingtan-2023.txt", Layout::glued},
        {"reports/pingtan-2024.txt", Layout::glued}, {"reports/huaian-2024.pdftotext-layout.txt", Layout::lines},
        {"reports/hongze-2023.pdftotext-layout.txt", Layout::lines},
        {"reports/hongze-2024.pdftotext-layout.txt", Layout::lines},
        {"reports/hongze-2023.pdftotext-raw.txt", Layout::cell_stream},
    };
    for (const auto& [file, layout] : corpus) {
        Input in{std::string("corpus/") + file, read_file(std::string("tests/corpus/") + file), layout};
        in.spaces_only = in.name.find("pdftotext-layout") != std::string::npos;
        out.push_back(std::move(in));
    }
    // Random valid reports of both editions and both layouts of 三（六）, blanks included, in every layout.
    std::mt19937 rng(20261202);
    const int reports = full ? 24 : 4;
    for (int round = 0; round < reports; ++round) {
        const auto edition = round % 2 ? ogi::Edition::e2021 : ogi::Edition::e2019;
        const bool single = round % 4 < 2 ? edition == ogi::Edition::e2019 : edition != ogi::Edition::e2019;
        const ogi::Report r = test::random_report(rng, edition, single);
        const auto lines = test::table_lines(r);
        for (const auto& [name, writer] : test::writers()) {
            const std::string n = name;
            Layout layout = Layout::lines;
            if (n.rfind("seed", 0) == 0) layout = Layout::row_blocks;
            else if (n.rfind("cell per line", 0) == 0 || n.rfind("| lines", 0) == 0 || n.rfind("blank-line", 0) == 0)
                layout = Layout::cell_stream;
            else if (n.rfind("HTML", 0) == 0) layout = Layout::html;
            Input in{fmt::format("random-{}/{}", round, n), writer(lines), layout};
            in.spaces_only = n.rfind("pdftotext", 0) == 0;
            out.push_back(std::move(in));
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: ogi-property SOURCE_DIR [--full] [--only NAME] [--verbose]\n");
        return 2;
    }
    source_dir = argv[1];
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--full") == 0) full = true;
        else if (std::strcmp(argv[i], "--verbose") == 0) verbose = true;
        else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];
    }
    for (const Input& in : inputs()) {
        if (!only.empty() && in.name.find(only) == std::string::npos) continue;
        if (in.text.empty()) {
            std::printf("BREAK setup %s: empty input\n", in.name.c_str());
            return 1;
        }
        const auto whole = read(in.text, true);
        if (!whole.report) {
            std::printf("BREAK setup %s: the whole text gives no report\n", in.name.c_str());
            return 1;
        }
        prefix_property(in, *whole.report);
        delete_property(in, whole);
        shuffle_property(in, *whole.report);
    }
    std::size_t broken = 0;
    for (const auto& [name, c] : census) {
        std::printf("%-8s %6zu cases, %4zu broken (cells read %zu, blank %zu; numbers left in flagged rows %zu)\n",
                    name.c_str(), c.cases, c.broken, c.cells_read, c.cells_blank, c.flagged);
        broken += c.broken;
    }
    std::printf("%s: %zu case(s) broke a property\n", full ? "full run" : "sampled run", broken);
    return broken ? 1 : 0;
}
