// The digit-run resolver (runs.hpp).
#include "read/runs.hpp"

#include "read/chars.hpp"

#include <ogi/form/regulation.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

namespace ogi::read {

bool split_runs(const std::vector<std::string>& pieces, std::size_t n, const std::vector<CellKind>& kinds,
                std::vector<std::vector<std::string>>& out, std::size_t limit) {
    std::vector<std::string> current;
    std::size_t steps = 0;
    bool stopped = false;
    auto kind = [&](std::size_t k) { return k < kinds.size() ? kinds[k] : CellKind::count; };
    // Characters from each piece to the end: a branch that cannot fill the cells left (every
    // piece needs a number, a number has at most 16 characters) is cut at once, so that the
    // search does not grow exponentially on runs that have no split (fuzzing found a hang).
    std::vector<std::size_t> chars_from(pieces.size() + 1, 0);
    for (std::size_t k = pieces.size(); k-- > 0;) chars_from[k] = chars_from[k + 1] + pieces[k].size();
    // A plain recursive lambda (not std::function), and the checks of each longer number made on
    // its newest character only: on fuzzed inputs this search was nine tenths of extraction.
    auto go = [&](auto& self, std::size_t piece, std::size_t at) -> void {
        if (stopped) return;
        // The step budget bounds the time of one run whatever its shape: fuzzing found a 408-byte
        // text whose runs of sixes and points took 0.7 s (and 30 s under the sanitizers) with a
        // budget of 64 steps a split. Real runs need a few hundred steps.
        if (out.size() >= limit || ++steps > limit * 8) {
            stopped = true;
            return;
        }
        if (piece == pieces.size()) {
            if (current.size() == n) out.push_back(current);
            return;
        }
        const std::string& p = pieces[piece];
        if (at == p.size()) {
            self(self, piece + 1, 0);
            return;
        }
        if (current.size() >= n) return;
        const std::size_t cells_left = n - current.size();
        if (pieces.size() - piece > cells_left || chars_from[piece] - at > cells_left * 16) return;
        if (chars_from[piece] - at < cells_left) return;  // every cell needs a character
        const CellKind k = kind(current.size());
        const bool negative = at == 0 && p[0] == '-';
        if (negative && k != CellKind::signed_count) return;
        const std::size_t digits_from = negative ? 1 : 0;
        const std::size_t first = at + digits_from;  // the first digit (after a sign)
        if (first >= p.size() || p[first] == '.') return;
        // No leading zeros: "0" alone or "0." and more, never "07".
        const bool zero_first = p[first] == '0';
        std::size_t points = 0;  // points in the digits so far
        for (std::size_t end = first + 1; end <= p.size(); ++end) {
            const std::size_t digits = end - first;
            if (digits == 2 && zero_first && p[first + 1] != '.') break;
            if (p[end - 1] == '.') {
                ++points;
                continue;  // a number does not end in a point
            }
            if (points > 1 || (points == 1 && k != CellKind::money)) break;
            if (digits > 15) break;
            current.emplace_back(std::string_view(p).substr(at, end - at));
            self(self, piece, end);
            current.pop_back();
        }
    };
    go(go, 0, 0);
    return !stopped;
}

std::int64_t to_int(const std::string& s) {
    constexpr std::int64_t cap = 1'000'000'000'000'000;
    std::int64_t v = 0;
    const bool negative = !s.empty() && s[0] == '-';
    for (char c : s) {
        if (c == '.') break;
        if (c >= '0' && c <= '9') v = std::min(cap, v * 10 + (c - '0'));
    }
    return negative ? -v : v;
}

std::map<CellIndex, std::string> prose_hints(const std::vector<std::string_view>& lines, Edition edition) {
    std::map<CellIndex, std::string> hints;
    if (edition != Edition::e2021) return hints;
    const Form& f = form(edition);
    const std::pair<const char*, const char*> items[] = {{"规范性文件", "normative_documents"}, {"规章", "regulations"}};
    for (const std::string_view line : lines) {
        if (line.find("规范性文件") == std::string::npos && line.find("规章") == std::string::npos) continue;
        const std::u32string u = to_u32(line);
        for (const auto& [word, row] : items) {
            const std::u32string w = to_u32(word);
            for (std::size_t at = u.find(w); at != std::u32string::npos; at = u.find(w, at + 1)) {
                std::size_t k = at + w.size();
                while (k < u.size() && is_space(u[k])) ++k;
                std::string digits;
                while (k < u.size() && is_digit(u[k])) digits += digit_char(u[k++]);
                while (k < u.size() && is_space(u[k])) ++k;
                if (digits.empty() || k >= u.size() || u[k] != U'件') continue;
                // Which count the sentence gives: the verb shortly before the word says.
                const std::size_t from = at > 14 ? at - 14 : 0;
                const std::u32string before = u.substr(from, at - from);
                auto has = [&](const char32_t* v) { return before.find(v) != std::u32string::npos; };
                const bool repealed = has(U"废止"), in_force = has(U"现行"), cleaned = has(U"清理");
                const bool issued = (has(U"制发") || has(U"印发") || has(U"出台")) && !repealed && !in_force && !cleaned;
                const char* column = issued                                   ? "issued"
                                     : repealed && !in_force && !cleaned ? "repealed"
                                     : in_force && !repealed && !cleaned ? "in_force"
                                                                         : nullptr;
                if (!column) continue;
                const CellIndex cell = *f.find(fmt::format("/proactive/{}/{}", row, column));
                if (!hints.count(cell)) hints[cell] = digits;
            }
        }
    }
    return hints;
}

namespace {

/// The digits of value tokens as pieces: spaces and signs inside a run are boundaries.
std::vector<std::string> run_pieces(const std::vector<Token>& tokens, const std::vector<std::size_t>& vals) {
    std::vector<std::string> pieces;
    for (std::size_t i : vals) {
        const Token& t = tokens[i];
        std::string cur;
        for (char c : t.value) {
            if (c == ' ' || c == '-') {
                if (!cur.empty()) pieces.push_back(cur);
                cur.clear();
                if (c == '-') cur.push_back('-');  // not cur = "-": GCC 12's -Wrestrict misfires on it at -O2
            } else if ((c >= '0' && c <= '9') || c == '.') {
                cur += c;
            }
        }
        if (!cur.empty() && cur != "-") pieces.push_back(cur);
    }
    return pieces;
}

class Resolver {
public:
    Resolver(Placement& p, const std::vector<Token>& tokens, const std::map<CellIndex, std::string>& hints)
        : p_(p), t_(tokens), hints_(hints), f_(form(p.edition)) {}

    void run() {
        std::vector<const RunGroup*> rows;
        for (const RunGroup& g : p_.runs) {
            if (g.check == RunGroup::Check::row_total) rows.push_back(&g);
            else lay(g);
        }
        if (!rows.empty()) joint(rows);
    }

private:
    Placement& p_;
    const std::vector<Token>& t_;
    const std::map<CellIndex, std::string>& hints_;
    const Form& f_;

    const std::string& pointer(CellIndex c) const { return f_.cells()[c].pointer; }
    void diag(std::string_view rule, Severity sev, CellIndex cell, const Token& at, std::string en, std::string zh) {
        p_.diagnostics.push_back(reading_diagnostic(rule, sev, pointer(cell), &at.source, std::move(en), std::move(zh)));
    }
    void undecided(const std::vector<CellIndex>& cells) {
        for (CellIndex c : cells) p_.undecided.push_back(c);
    }
    void put(CellIndex cell, const Token& from, const std::string& value) {
        Slot s;
        s.value = value;
        s.raw = from.raw;  // the digits as printed, run together
        s.source = from.source;
        s.basis = Basis::split;
        p_.cells[cell] = std::move(s);
    }
    std::vector<CellKind> kinds(const std::vector<CellIndex>& cells) const {
        std::vector<CellKind> k;
        for (CellIndex c : cells) k.push_back(f_.column(f_.cells()[c]).kind);
        return k;
    }

    /// A row of section 二, or table 四: its splits that keep the arithmetic (group totals), then
    /// those that agree with the prose.
    void lay(const RunGroup& g) {
        const std::vector<std::string> pieces = run_pieces(t_, g.tokens);
        const Token& first = t_[g.tokens.front()];
        const std::size_t n = g.cells.size();
        std::vector<std::vector<std::string>> splits;
        if (!split_runs(pieces, n, kinds(g.cells), splits)) {
            diag("OGI-E-AMBIGUOUS", Severity::warning, g.cells.front(), first,
                 fmt::format("digits that ran together (\"{}\") can be split into {} cells in more than {} ways (or in too many to "
                             "search); the cells are left blank", fmt::join(pieces, " "), n, max_splits),
                 fmt::format("连在一起的数字（“{}”）拆分为{}个单元格的方式超过{}种（或多到无法穷举）：这些单元格留空", fmt::join(pieces, " "),
                             n, max_splits));
            undecided(g.cells);
            return;
        }
        std::vector<std::vector<std::string>> fitting;
        for (auto& s : splits) {
            bool ok = true;
            if (g.check == RunGroup::Check::group_totals)
                for (std::size_t k = 0; k + 4 < s.size(); k += 5)
                    ok = ok && to_int(s[k]) + to_int(s[k + 1]) + to_int(s[k + 2]) + to_int(s[k + 3]) == to_int(s[k + 4]);
            if (ok) fitting.push_back(std::move(s));
        }
        // The report's own prose may fix a cell ("本年度制发行政规范性文件62件"): keep the splits
        // that agree with it, if any do.
        for (std::size_t k = 0; k < n; ++k) {
            const auto hint = hints_.find(g.cells[k]);
            if (hint == hints_.end()) continue;
            std::vector<std::vector<std::string>> agree;
            for (const auto& s : fitting)
                if (s[k] == hint->second) agree.push_back(s);
            if (!agree.empty() && agree.size() < fitting.size()) {
                fitting = std::move(agree);
                diag("OGI-E-NARRATIVE", Severity::info, g.cells[k], first,
                     fmt::format("the split of \"{}\" is fixed by the report's own text, which gives {}", fmt::join(pieces, " "),
                                 hint->second),
                     fmt::format("“{}”的拆分由报告正文所述的{}确定", fmt::join(pieces, " "), hint->second));
            }
        }
        // "…432.52元": the unit printed after the run belongs to its last cell, split or not.
        if (!t_[g.tokens.back()].unit.empty()) p_.unit_hints[g.cells.back()] = t_[g.tokens.back()].unit;
        if (fitting.empty()) {
            diag("OGI-E-AMBIGUOUS", Severity::warning, g.cells.front(), first,
                 fmt::format("digits that ran together (\"{}\") cannot be split into {} cells that fit the form's arithmetic; "
                             "the cells are left blank", fmt::join(pieces, " "), n),
                 fmt::format("连在一起的数字（“{}”）无法拆分为符合表格勾稽关系的{}个单元格，这些单元格留空", fmt::join(pieces, " "), n));
            undecided(g.cells);
            return;
        }
        for (std::size_t k = 0; k < n; ++k) {
            std::set<std::string> candidates;
            for (const auto& s : fitting) candidates.insert(s[k]);
            if (candidates.size() == 1) {
                put(g.cells[k], first, *candidates.begin());
                continue;
            }
            p_.undecided.push_back(g.cells[k]);
            std::vector<std::string> c(candidates.begin(), candidates.end());
            std::sort(c.begin(), c.end(), [](const std::string& a, const std::string& b) {
                return a.size() != b.size() ? a.size() < b.size() : a < b;
            });
            diag("OGI-E-AMBIGUOUS", Severity::warning, g.cells[k], first,
                 fmt::format("digits that ran together (\"{}\") can be split in {} ways that fit; this cell could be {}: "
                             "left blank", fmt::join(pieces, " "), fitting.size(), fmt::join(c, ", ")),
                 fmt::format("连在一起的数字（“{}”）有{}种符合要求的拆分；该单元格可能为{}：留空", fmt::join(pieces, " "),
                             fitting.size(), fmt::join(c, "、")));
        }
    }

    /// Section 三's rows that ran together, read jointly: each row's splits that keep its total,
    /// then the splits of all rows that keep the column sums and the balance.
    void joint(const std::vector<const RunGroup*>& groups) {
        const Block& block = f_.table("applications")->blocks.front();
        const std::size_t cols = block.columns.size();
        struct Reading {
            const RunGroup* group = nullptr;
            const Row* row = nullptr;
            std::vector<std::vector<std::string>> options;
            std::vector<std::string> pieces;
            bool too_many = false;  // more splits than max_splits: not read
        };
        std::vector<Reading> readings;
        for (const RunGroup* g : groups) {
            Reading rd;
            rd.group = g;
            rd.row = &f_.row(f_.cells()[g->cells.front()]);
            rd.pieces = run_pieces(t_, g->tokens);
            std::vector<std::vector<std::string>> splits;
            rd.too_many = !split_runs(rd.pieces, cols, {}, splits);
            if (rd.too_many) splits.clear();  // undecided: the row is left blank
            for (auto& sp : splits) {
                std::int64_t sum = 0;
                for (std::size_t k = 0; k + 1 < sp.size(); ++k) sum += to_int(sp[k]);
                if (sum == to_int(sp.back())) rd.options.push_back(std::move(sp));
            }
            readings.push_back(std::move(rd));
        }
        // The rows of the layout read, and where each one's reading (or plain cells) is.
        std::vector<const Row*> rows;
        for (const Row& r : block.rows)
            if (r.layout == RowLayout::always || (r.layout == RowLayout::single_other) == p_.single_other) rows.push_back(&r);
        std::map<const Row*, CellIndex> firsts;  // the first cell of each row
        for (CellIndex i = static_cast<CellIndex>(f_.cells().size()); i-- > 0;) firsts[&f_.row(f_.cells()[i])] = i;
        std::map<const Row*, std::size_t> index;
        for (std::size_t k = 0; k < readings.size(); ++k) index[readings[k].row] = k;
        std::vector<std::size_t> open;
        std::size_t product = 1;
        for (std::size_t k = 0; k < readings.size(); ++k)
            if (readings[k].options.size() > 1) {
                open.push_back(k);
                product = product > max_splits / readings[k].options.size() ? max_splits + 1 : product * readings[k].options.size();
            }
        std::vector<std::size_t> choice(readings.size(), 0);
        auto row_named = [&](std::string_view key) -> const Row* {
            for (const Row* r : rows)
                if (r->key == key) return r;
            return nullptr;
        };
        auto value = [&](const Row* row, std::size_t c) -> std::optional<std::int64_t> {
            if (!row) return std::nullopt;
            if (auto it = index.find(row); it != index.end()) {
                const Reading& rd = readings[it->second];
                if (rd.options.empty()) return std::nullopt;
                return to_int(rd.options[choice[it->second]][c]);
            }
            const auto& cell = p_.cells[firsts.at(row) + static_cast<CellIndex>(c)];
            if (!cell || cell->blank) return std::nullopt;
            return to_int(cell->value);
        };
        const Row* total_row = row_named("total");
        const Row* new_row = row_named("new_received");
        const Row* over_row = row_named("carried_over");
        const Row* forward_row = row_named("carried_forward");
        auto columns_hold = [&]() {
            for (std::size_t c = 0; c < cols; ++c) {
                std::optional<std::int64_t> sum = 0;
                for (const Row* r : rows)
                    if (is_outcome(static_cast<ApplicationRow>(r - &block.rows.front()))) {
                        auto v = value(r, c);
                        sum = v && sum ? std::optional(*sum + *v) : std::nullopt;
                    }
                const auto total = value(total_row, c);
                if (sum && total && *sum != *total) return false;
                const auto a = value(new_row, c), b = value(over_row, c), fw = value(forward_row, c);
                if (a && b && total && fw && *a + *b != *total + *fw) return false;
            }
            return true;
        };
        std::vector<std::vector<std::size_t>> surviving;
        if (!open.empty() && product <= max_splits) {
            std::function<void(std::size_t)> go = [&](std::size_t k) {
                if (k == open.size()) {
                    if (columns_hold()) {
                        std::vector<std::size_t> pick;
                        for (std::size_t o : open) pick.push_back(choice[o]);
                        surviving.push_back(pick);
                    }
                    return;
                }
                for (std::size_t i = 0; i < readings[open[k]].options.size(); ++i) {
                    choice[open[k]] = i;
                    go(k + 1);
                }
            };
            go(0);
        }
        for (std::size_t k = 0; k < readings.size(); ++k) {
            Reading& rd = readings[k];
            const std::vector<CellIndex>& cells = rd.group->cells;
            const Token& t = t_[rd.group->tokens.front()];
            if (rd.too_many) {
                diag("OGI-E-AMBIGUOUS", Severity::warning, cells.back(), t,
                     fmt::format("digits that ran together (\"{}\") can be split into {} cells in more than {} ways (or in too many "
                                 "to search); the row is left blank", fmt::join(rd.pieces, " "), cols, max_splits),
                     fmt::format("连在一起的数字（“{}”）拆分为{}个单元格的方式超过{}种（或多到无法穷举）：该行留空", fmt::join(rd.pieces, " "),
                                 cols, max_splits));
                undecided(cells);
                continue;
            }
            if (rd.options.empty()) {
                diag("OGI-E-AMBIGUOUS", Severity::warning, cells.back(), t,
                     fmt::format("digits that ran together (\"{}\") cannot be split into {} cells whose total is the sum of "
                                 "the others; the row is left blank", fmt::join(rd.pieces, " "), cols),
                     fmt::format("连在一起的数字（“{}”）无法拆分为合计等于各列之和的{}个单元格：该行留空", fmt::join(rd.pieces, " "), cols));
                undecided(cells);
                continue;
            }
            // The readings left for this row: all of them, or those in a joint choice that fits.
            std::vector<std::size_t> left;
            const auto open_at = std::find(open.begin(), open.end(), k);
            if (open_at != open.end() && !surviving.empty()) {
                std::set<std::size_t> s;
                for (const auto& pick : surviving) s.insert(pick[static_cast<std::size_t>(open_at - open.begin())]);
                left.assign(s.begin(), s.end());
            } else {
                for (std::size_t i = 0; i < rd.options.size(); ++i) left.push_back(i);
            }
            for (std::size_t c = 0; c < cols; ++c) {
                std::set<std::string> candidates;
                for (std::size_t i : left) candidates.insert(rd.options[i][c]);
                if (candidates.size() == 1) {
                    put(cells[c], t, *candidates.begin());
                    continue;
                }
                p_.undecided.push_back(cells[c]);
                diag("OGI-E-AMBIGUOUS", Severity::warning, cells[c], t,
                     fmt::format("digits that ran together (\"{}\") can be split in {} ways that keep the table's sums; "
                                 "this cell could be {}: left blank", fmt::join(rd.pieces, " "), left.size(),
                                 fmt::join(candidates, ", ")),
                     fmt::format("连在一起的数字（“{}”）有{}种符合表格勾稽关系的拆分；该单元格可能为{}：留空",
                                 fmt::join(rd.pieces, " "), left.size(), fmt::join(candidates, "、")));
            }
        }
    }

};

}  // namespace

void resolve_runs(Placement& p, const std::vector<Token>& tokens, const std::map<CellIndex, std::string>& hints) {
    Resolver(p, tokens, hints).run();
}

}  // namespace ogi::read
