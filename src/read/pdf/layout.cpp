// A PDF's words into a grid by geometry (layout.hpp).
//
// Measures are in ems, the width of a full-width character of the text concerned, because the
// boxes' heights differ between writers for the same font size (WPS gives the font size,
// Chromium the font's whole ascent and descent, 2.6 times as much).
#include "read/pdf/layout.hpp"

#include "base/text.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

namespace ogi::read::pdf {
namespace {

// ---- thresholds, in ems of the text concerned ----
constexpr float same_line = 0.4f;      // centres this close: one line
constexpr float cell_gap = 1.0f;       // words further apart than this on a line: two cells
constexpr float number_gap = 0.3f;     // two numbers further apart than this: two cells
constexpr float wrap_pitch = 1.75f;    // a cell's next line comes at most this far below (row pitch is about 2)
constexpr float same_row = 0.45f;      // cells whose centres are this close: one table row
constexpr float table_gap = 3.2f;      // lines of a table are at most this far apart
constexpr float table_run = 6.0f;      // text lines running on for longer than this after the last row: not the table
constexpr float paragraph_pitch = 1.85f;  // lines of a paragraph are at most this far apart

bool is_wide(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

char32_t first_char(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t i = 0;
    return detail::next_code_point(s, i);
}

char32_t last_char(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return detail::next_code_point(s, i);
}

/// Appends the next word of a line to `a`: with a space where the PDF has one, unless both
/// sides are full-width characters (Chinese spread out by justification has no space in it).
void join_text(std::string& a, std::string_view b, bool space) {
    if (a.empty()) {
        a.append(b);
        return;
    }
    if (space && !(is_wide(last_char(a)) && is_wide(first_char(b)))) a += ' ';
    a.append(b);
}

/// Appends the next line of a wrapped text: a space only between two ASCII characters (a Latin
/// word wrapped at its space); a Chinese line, or one that breaks after a dash or a bracket, goes
/// on without one.
void join_wrapped(std::string& a, std::string_view b) {
    if (!a.empty() && !b.empty() && last_char(a) < 0x80 && first_char(b) < 0x80 && a.back() != ' ' && b.front() != ' ') a += ' ';
    a.append(b);
}

bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19); }

/// A cell that holds a value of a table: a number (with a sign, separators, a unit or a note in
/// brackets after it) or a placeholder for a blank cell. "1.属于国家秘密" is a label, not a value.
bool is_value(std::string_view s) {
    const std::u32string u = detail::to_code_points(s);
    std::size_t i = 0;
    while (i < u.size() && u[i] == U' ') ++i;
    const std::u32string_view rest0 = std::u32string_view(u).substr(i);
    static const std::u32string_view placeholders[] = {U"/", U"／", U"-", U"－", U"—", U"——", U"–", U"―", U"无", U"不适用", U"…", U"……"};
    for (const auto p : placeholders)
        if (rest0 == p) return true;
    if (i < u.size() && (u[i] == U'+' || u[i] == U'-' || u[i] == U'－' || u[i] == U'−' || u[i] == U'＋')) ++i;
    if (i >= u.size() || !is_digit(u[i])) return false;
    while (i < u.size() && (is_digit(u[i]) || u[i] == U'.' || u[i] == U',' || u[i] == U'，' || u[i] == U'．')) ++i;
    const std::u32string_view rest = std::u32string_view(u).substr(i);
    if (rest.empty() || rest[0] == U'(' || rest[0] == U'（') return true;
    static const std::u32string_view units[] = {U"元", U"万元", U"件", U"条", U"个", U"项", U"次", U"人次", U"家", U"%", U"％"};
    for (const auto unit : units)
        if (rest == unit) return true;
    return false;
}

/// A cell of a line, or after joining its lines, of a table cell.
struct Cell {
    /// The words it was made of on its first line (for splitting it again at a table's columns).
    struct Piece {
        std::string text;
        float x0, x1;
        bool space_before;
    };
    std::vector<Piece> pieces;
    std::string text;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float first_cy = 0, last_cy = 0;  // centres of its first and last lines
    float last_x0 = 0, last_x1 = 0;   // extent of its last line
    float em = 1;
    bool value = false;
    bool vertical = false;  // turned text (a label written down a tall cell)
    bool last_line_value = false;  // its first line held a value too (a table row of its own)
    std::uint32_t page = 0;
    float cy() const { return vertical ? first_cy : (first_cy + last_cy) / 2; }
    float cx() const { return (x0 + x1) / 2; }
};

struct Line {
    std::vector<Cell> cells;
    float cy = 0, em = 1, x0 = 0, x1 = 0;
    bool dropped = false;  // a page header, footer or number
    std::uint32_t page = 0;
    bool multi() const { return cells.size() >= 2; }
};

float median(std::vector<float> v, float otherwise) {
    if (v.empty()) return otherwise;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

bool finite_box(const Word& w) {
    for (float f : {w.x0, w.y0, w.x1, w.y1})
        if (!std::isfinite(f) || std::fabs(f) > 1e6f) return false;
    return true;
}

/// The page's words as lines of cells, top to bottom; turned text as cells of their own lines.
std::vector<Line> page_lines(const Page& page, std::uint32_t page_no) {
    struct W {
        const Word* w;
        float x0, y0, x1, y1, em, cy;
        bool measured;  // em from its own full-width characters, not from the page's ratio
    };
    std::vector<W> words;
    words.reserve(page.words.size());
    // A page's ratio of box height to em, to give words without a full-width character an em.
    std::vector<float> ratios;
    for (const Word& w : page.words) {
        if (!finite_box(w) || w.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        W x{&w, std::min(w.x0, w.x1), std::min(w.y0, w.y1), std::max(w.x0, w.x1), std::max(w.y0, w.y1), w.em, 0, false};
        x.measured = w.em > 0.5f && w.em < 1000;
        x.cy = (x.y0 + x.y1) / 2;
        if (w.rotation == 0 && w.em > 0.5f && x.y1 - x.y0 > 0) ratios.push_back((x.y1 - x.y0) / w.em);
        words.push_back(x);
    }
    const float ratio = std::clamp(median(ratios, 1.0f), 0.5f, 4.0f);
    for (W& x : words) {
        if (x.em > 0.5f && x.em < 1000) continue;
        const float extent = x.w->rotation % 2 ? x.x1 - x.x0 : x.y1 - x.y0;
        x.em = std::clamp(extent / ratio, 1.0f, 1000.0f);
    }

    std::vector<Line> lines;
    // Upright words: lines by their centres, then cells by the gaps.
    std::vector<const W*> upright, turned;
    for (const W& x : words) (x.w->rotation == 0 || x.w->rotation == 2 ? upright : turned).push_back(&x);
    std::stable_sort(upright.begin(), upright.end(), [](const W* a, const W* b) { return a->cy < b->cy; });
    for (std::size_t i = 0; i < upright.size();) {
        const float anchor = upright[i]->cy;
        float em_min = upright[i]->em;
        std::size_t j = i + 1;
        while (j < upright.size() && upright[j]->cy - anchor <= same_line * std::min(em_min, upright[j]->em)) {
            em_min = std::min(em_min, upright[j]->em);
            ++j;
        }
        std::vector<const W*> ws(upright.begin() + static_cast<std::ptrdiff_t>(i), upright.begin() + static_cast<std::ptrdiff_t>(j));
        std::stable_sort(ws.begin(), ws.end(), [](const W* a, const W* b) { return a->x0 < b->x0; });
        Line line;
        line.page = page_no;
        std::vector<float> ems, measured;
        std::vector<float> cell_measured;  // per cell: its largest measured em, 0 when none
        const W* prev = nullptr;
        for (const W* w : ws) {
            ems.push_back(w->em);
            if (w->measured) measured.push_back(w->em);
            const bool value = is_value(w->w->text);
            bool split = true;
            if (prev) {
                const float gap = w->x0 - prev->x1, em = std::max(w->em, prev->em);
                split = gap > cell_gap * em || (value && is_value(line.cells.back().text) && gap > number_gap * em);
            }
            if (split) {
                Cell c;
                c.text = w->w->text;
                c.x0 = w->x0, c.y0 = w->y0, c.x1 = w->x1, c.y1 = w->y1;
                c.first_cy = c.last_cy = w->cy;
                c.em = w->em;
                c.page = page_no;
                c.pieces.push_back({w->w->text, w->x0, w->x1, false});
                line.cells.push_back(std::move(c));
                cell_measured.push_back(w->measured ? w->em : 0);
            } else {
                Cell& c = line.cells.back();
                const float gap = w->x0 - prev->x1;
                const bool space = prev->w->space_after || gap > 0.2f * std::max(w->em, prev->em);
                join_text(c.text, w->w->text, space);
                c.pieces.push_back({w->w->text, w->x0, w->x1, space});
                c.x1 = std::max(c.x1, w->x1);
                c.y0 = std::min(c.y0, w->y0);
                c.y1 = std::max(c.y1, w->y1);
                c.em = std::max(c.em, w->em);
                if (w->measured) cell_measured.back() = std::max(cell_measured.back(), w->em);
            }
            prev = w;
        }
        for (std::size_t k = 0; k < line.cells.size(); ++k) {
            Cell& c = line.cells[k];
            if (cell_measured[k] > 0) c.em = cell_measured[k];  // "4." beside 无正当理由: the characters' em
            c.value = is_value(c.text);
            c.last_x0 = c.x0, c.last_x1 = c.x1;
            c.last_line_value = c.value;
        }
        line.em = measured.empty() ? median(ems, 1.0f) : median(measured, 1.0f);
        line.cy = anchor;
        line.x0 = line.cells.front().x0;
        line.x1 = line.cells.back().x1;
        lines.push_back(std::move(line));
        i = j;
    }
    // Turned words: one cell for each run down a column.
    std::stable_sort(turned.begin(), turned.end(), [](const W* a, const W* b) { return a->x0 != b->x0 ? a->x0 < b->x0 : a->y0 < b->y0; });
    std::vector<bool> used(turned.size(), false);
    for (std::size_t i = 0; i < turned.size(); ++i) {
        if (used[i]) continue;
        used[i] = true;
        std::vector<const W*> run{turned[i]};
        for (bool grew = true; grew;) {
            grew = false;
            for (std::size_t k = 0; k < turned.size(); ++k) {
                if (used[k]) continue;
                const W* w = turned[k];
                const W* last = run.back();
                const bool overlaps = w->x0 < last->x1 && w->x1 > last->x0;
                if (overlaps && w->y0 >= last->y0 && w->y0 - last->y1 <= 1.5f * std::max(w->em, last->em)) {
                    run.push_back(w);
                    used[k] = true;
                    grew = true;
                }
            }
        }
        Cell c;
        c.vertical = true;
        c.page = page_no;
        c.x0 = run.front()->x0, c.y0 = run.front()->y0, c.x1 = run.front()->x1, c.y1 = run.front()->y1;
        c.em = run.front()->em;
        // Text turned by 270° reads from the bottom up.
        if (run.front()->w->rotation == 3) std::reverse(run.begin(), run.end());
        for (const W* w : run) {
            join_text(c.text, w->w->text, false);
            c.x0 = std::min(c.x0, w->x0), c.y0 = std::min(c.y0, w->y0);
            c.x1 = std::max(c.x1, w->x1), c.y1 = std::max(c.y1, w->y1);
        }
        c.first_cy = c.last_cy = c.y0 + c.em / 2;
        c.last_x0 = c.x0, c.last_x1 = c.x1;
        c.value = false;
        Line line;
        line.page = page_no;
        line.em = c.em;
        line.cy = c.first_cy;
        line.x0 = c.x0, line.x1 = c.x1;
        line.cells.push_back(std::move(c));
        lines.push_back(std::move(line));
    }
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.cy < b.cy; });
    return lines;
}

std::string line_text(const Line& l) {
    std::string s;
    for (const Cell& c : l.cells) join_text(s, c.text, true);
    return s;
}

/// A page number as printed: "3", "-3-", "- 3 -", "—3—", "第3页", "第 3 页 共 5 页", "3/5", "Page 3 of 5".
bool is_page_number(std::string_view text) {
    std::u32string u;
    for (char32_t c : detail::to_code_points(text))
        if (c != U' ' && c != 0x3000 && c != U'\t') u += c;
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t s = i;
        while (i < u.size() && is_digit(u[i])) ++i;
        return i > s && i - s <= 5;
    };
    auto eat = [&](std::u32string_view w) {
        if (std::u32string_view(u).substr(i, w.size()) != w) return false;
        i += w.size();
        return true;
    };
    auto dash = [&] {
        if (i < u.size() && (u[i] == U'-' || u[i] == U'－' || u[i] == U'—' || u[i] == U'–' || u[i] == U'−')) {
            while (i < u.size() && (u[i] == U'-' || u[i] == U'－' || u[i] == U'—' || u[i] == U'–' || u[i] == U'−')) ++i;
            return true;
        }
        return false;
    };
    if (eat(U"第")) {
        if (!digits() || !eat(U"页")) return false;
        if (eat(U"共") || eat(U"/") || eat(U"，") || eat(U",")) {
            (void)eat(U"共");
            if (!digits() || !eat(U"页")) return false;
        }
        return i == u.size();
    }
    if (eat(U"Page") || eat(U"page")) {
        if (!digits()) return false;
        if (eat(U"of") || eat(U"/")) {
            if (!digits()) return false;
        }
        return i == u.size();
    }
    const bool dashed = dash();
    if (!digits()) return false;
    if (dashed) {
        if (!dash()) return false;
        return i == u.size();
    }
    if (i == u.size()) return true;
    if (eat(U"/") && digits()) return i == u.size();
    return false;
}

/// Marks the pages' headers, footers and page numbers: a page number in the first or last two
/// lines of a page, in its top or bottom sixth; and a line there whose text (digits aside)
/// comes again at the same height on other pages (a running title, a printed date and address).
void drop_page_furniture(std::vector<std::vector<Line>>& pages, const std::vector<Page>& input) {
    struct Candidate {
        std::size_t page, line;
        std::string key;
        float cy;
        bool over_values;  // a table's header, if it is so on every page
    };
    std::vector<Candidate> candidates;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::vector<Line>& lines = pages[p];
        const float h = input[p].height > 0 ? input[p].height : 842;
        const std::size_t n = lines.size();
        for (std::size_t k = 0; k < n; ++k) {
            const bool edge = k < 2 || k + 2 >= n;
            if (!edge) continue;
            Line& l = lines[k];
            const bool top = l.cy < h / 6, bottom = l.cy > h * 5 / 6;
            if (!top && !bottom) continue;
            const std::string text = line_text(l);
            if (is_page_number(text)) {
                // A bare number at the bottom of a table could be a value: a page number stands apart
                // from the line next to it (two ems or more).
                const bool bare = is_value(text);
                const Line* neighbour = top ? (k + 1 < n ? &lines[k + 1] : nullptr) : (k > 0 ? &lines[k - 1] : nullptr);
                if (!bare || !neighbour || std::fabs(neighbour->cy - l.cy) > 2.0f * std::max(l.em, neighbour->em)) {
                    l.dropped = true;
                    continue;
                }
            }
            // A table's header that each page repeats is no running title: values stand under two
            // or more of its cells in the lines just below, on every page it is on.
            bool over_values_here = false;
            if (top && l.multi()) {
                std::size_t over_values = 0;
                for (const Cell& c : l.cells) {
                    bool under = false;
                    for (std::size_t b = k + 1; b < n && b <= k + 4 && !under; ++b) {
                        if (lines[b].cy - l.cy > table_gap * std::max(l.em, lines[b].em) * 2) break;
                        for (const Cell& v : lines[b].cells)
                            if (v.value && v.cx() >= c.x0 - 0.5f * c.em && v.cx() <= c.x1 + 0.5f * c.em) under = true;
                    }
                    over_values += under;
                }
                over_values_here = over_values >= 2;
            }
            std::string key;
            for (char32_t c : detail::to_code_points(text))
                if (!is_digit(c) && c != U' ') key += detail::to_utf8(std::u32string(1, c));
            if (!key.empty()) candidates.push_back({p, k, std::move(key), l.cy, over_values_here});
        }
    }
    if (pages.size() < 2) return;
    for (std::size_t a = 0; a < candidates.size(); ++a) {
        std::size_t other_pages = 0;
        bool table_header = candidates[a].over_values;
        for (std::size_t b = 0; b < candidates.size(); ++b)
            if (candidates[b].page != candidates[a].page && candidates[b].key == candidates[a].key &&
                std::fabs(candidates[b].cy - candidates[a].cy) <= 3) {
                ++other_pages;
                table_header = table_header && candidates[b].over_values;
            }
        if (other_pages >= 1 && !table_header && (pages.size() == 2 || other_pages * 3 >= pages.size() - 1))
            pages[candidates[a].page][candidates[a].line].dropped = true;
    }
}

// ---- tables ----

struct Row {
    std::vector<Cell> cells;  // left to right
    float cy = 0, em = 1;
    bool data() const {
        return std::any_of(cells.begin(), cells.end(), [](const Cell& c) { return c.value; });
    }
};

struct Region {
    std::vector<Row> rows;
    std::uint32_t page = 0;
};

/// Extents of the value columns of a table's lines: the union of the values' overlapping extents.
std::vector<std::pair<float, float>> value_extents(const std::vector<Line>& lines, std::size_t first, std::size_t last) {
    std::vector<std::pair<float, float>> spans;
    for (std::size_t k = first; k <= last; ++k)
        for (const Cell& c : lines[k].cells)
            if (c.value) spans.emplace_back(c.x0, c.x1);
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<float, float>> out;
    for (const auto& [a, b] : spans) {
        if (!out.empty() && a < out.back().second) out.back().second = std::max(out.back().second, b);
        else out.emplace_back(a, b);
    }
    return out;
}

/// Narrow header cells a space apart ("结果 其他", "商业 科研") are as close as the words of one
/// cell ("总 计"): a cell over the values is split where its words stand over different value
/// columns.
void split_at_columns(std::vector<Line>& lines, std::size_t first, std::size_t last) {
    const auto columns = value_extents(lines, first, last);
    if (columns.size() < 2) return;
    auto nearest = [&](float cx) {
        std::size_t best = 0;
        float dist = 1e30f;
        for (std::size_t k = 0; k < columns.size(); ++k) {
            const float d = std::fabs(cx - (columns[k].first + columns[k].second) / 2);
            if (d < dist) dist = d, best = k;
        }
        return static_cast<int>(best);
    };
    for (std::size_t k = first; k <= last; ++k) {
        std::vector<Cell> out;
        for (Cell& c : lines[k].cells) {
            if (c.value || c.vertical || c.pieces.size() < 2) {
                out.push_back(std::move(c));
                continue;
            }
            std::vector<int> col;
            for (const auto& p : c.pieces) {
                const float cx = (p.x0 + p.x1) / 2;
                col.push_back(cx >= columns.front().first - 0.5f * c.em ? nearest(cx) : -1);
            }
            std::size_t from = 0;
            for (std::size_t i = 1; i <= c.pieces.size(); ++i) {
                if (i < c.pieces.size() && !(col[i] >= 0 && col[i - 1] >= 0 && col[i] != col[i - 1])) continue;
                Cell part = c;
                part.pieces.assign(c.pieces.begin() + static_cast<std::ptrdiff_t>(from), c.pieces.begin() + static_cast<std::ptrdiff_t>(i));
                part.text.clear();
                for (const auto& p : part.pieces) join_text(part.text, p.text, p.space_before);
                part.x0 = part.pieces.front().x0;
                part.x1 = part.pieces.back().x1;
                part.last_x0 = part.x0, part.last_x1 = part.x1;
                part.value = is_value(part.text);
                part.last_line_value = part.value;
                out.push_back(std::move(part));
                from = i;
            }
        }
        lines[k].cells = std::move(out);
    }
}

/// A table's lines into its cells (a label wrapped over lines joined) and rows (cells whose
/// centres line up).
Region make_region(std::vector<Line>& lines, std::size_t first, std::size_t last) {
    Region r;
    r.page = lines[first].page;
    split_at_columns(lines, first, last);
    std::vector<Cell> cells;
    for (std::size_t k = first; k <= last; ++k) {
        if (lines[k].dropped) continue;
        const bool line_has_value =
            std::any_of(lines[k].cells.begin(), lines[k].cells.end(), [](const Cell& c) { return c.value; });
        for (Cell& s : lines[k].cells) {
            // Is this the next line of a cell above? The nearest cell above that overlaps it, of text,
            // a line's pitch away — not a row's — and not a row with values of its own joined to
            // another row with values.
            std::optional<std::size_t> parent;
            if (!s.value && !s.vertical) {
                for (std::size_t b = cells.size(); b-- > 0;) {
                    const Cell& c = cells[b];
                    const float em = std::max(c.em, s.em);
                    const float pitch = s.first_cy - c.last_cy;
                    if (pitch <= 0.5f * em) continue;
                    const bool overlaps = s.x0 < c.last_x1 && s.x1 > c.last_x0;
                    if (!overlaps) continue;
                    // the nearest cell above that overlaps: joined or not, the search stops here
                    if (!c.value && !c.vertical && pitch <= wrap_pitch * em && std::fabs(c.em - s.em) <= 0.2f * em &&
                        !(line_has_value && c.last_line_value))
                        parent = b;
                    break;
                }
            }
            if (parent) {
                Cell& c = cells[*parent];
                join_wrapped(c.text, s.text);
                c.x0 = std::min(c.x0, s.x0), c.x1 = std::max(c.x1, s.x1);
                c.y0 = std::min(c.y0, s.y0), c.y1 = std::max(c.y1, s.y1);
                c.last_cy = s.first_cy;
                c.last_x0 = s.x0, c.last_x1 = s.x1;
                c.last_line_value = line_has_value;
                // keep the list ordered by last line, for the search above
                Cell moved = std::move(c);
                cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(*parent));
                cells.push_back(std::move(moved));
            } else {
                s.last_line_value = line_has_value;
                cells.push_back(std::move(s));
            }
        }
    }
    std::stable_sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.cy() < b.cy(); });
    for (std::size_t i = 0; i < cells.size();) {
        Row row;
        row.cy = cells[i].cy();
        float em = cells[i].em;
        std::size_t j = i;
        while (j < cells.size() && cells[j].cy() - row.cy <= same_row * std::min(em, cells[j].em)) {
            em = std::min(em, cells[j].em);
            row.cells.push_back(std::move(cells[j]));
            ++j;
        }
        row.em = em;
        std::stable_sort(row.cells.begin(), row.cells.end(), [](const Cell& a, const Cell& b) { return a.x0 < b.x0; });
        r.rows.push_back(std::move(row));
        i = j;
    }
    return r;
}

/// The columns of a part of a table: its value columns (by the header cells' x-extents, or
/// the values' own) and where its labels end.
struct Columns {
    struct Column {
        float x0, x1, cx;
    };
    std::vector<Column> values;
    float boundary = 0;  // cells whose centre is left of this are labels
    std::vector<float> label_columns;  // left edges of the label columns
    std::vector<std::string> header;   // the header's cell texts, to know it when a page repeats it
};

/// Value columns from the values' own extents: the union of overlapping extents.
std::vector<Columns::Column> columns_of_values(const std::vector<const Cell*>& values) {
    std::vector<std::pair<float, float>> spans;
    for (const Cell* c : values) spans.emplace_back(c->x0, c->x1);
    std::sort(spans.begin(), spans.end());
    std::vector<Columns::Column> out;
    for (const auto& [a, b] : spans) {
        if (!out.empty() && a < out.back().x1) out.back().x1 = std::max(out.back().x1, b);
        else out.push_back({a, b, 0});
    }
    for (auto& c : out) c.cx = (c.x0 + c.x1) / 2;
    return out;
}

/// A part of a table: its header rows (maybe none), then rows of data.
struct Section {
    std::size_t first = 0, header_begin = 0, header_end = 0, end = 0;  // rows [header_begin, header_end) are the header
    Columns columns;
};

/// Nearest column of each value cell of a row, or nothing when two cells would share one or
/// the order would not hold (then the row is given as it is, without blank cells).
std::optional<std::vector<std::size_t>> assign(const std::vector<const Cell*>& cells, const Columns& cols) {
    if (cols.values.empty()) return std::nullopt;
    std::vector<std::size_t> out;
    for (const Cell* c : cells) {
        std::size_t best = 0;
        float dist = 1e30f;
        for (std::size_t k = 0; k < cols.values.size(); ++k) {
            const auto& col = cols.values[k];
            // inside the column's extent counts as on its centre
            const float d = c->cx() >= col.x0 && c->cx() <= col.x1 ? 0 : std::fabs(c->cx() - col.cx);
            if (d < dist) dist = d, best = k;
        }
        const float half = (cols.values[best].x1 - cols.values[best].x0) / 2;
        if (dist > half + 2.0f * c->em) return std::nullopt;  // a value under no column
        if (!out.empty() && best <= out.back()) return std::nullopt;
        out.push_back(best);
    }
    return out;
}

/// The columns of the section whose header is rows [h0, h1) and whose data rows follow to `end`.
Columns section_columns(const std::vector<Row>& rows, std::size_t h0, std::size_t h1, std::size_t end) {
    Columns cols;
    std::vector<const Cell*> values;
    float boundary = 1e30f;
    for (std::size_t i = h1; i < end; ++i)
        for (const Cell& c : rows[i].cells)
            if (c.value) {
                values.push_back(&c);
                boundary = std::min(boundary, c.x0);
            }
    // The header's leaves: cells with no other header cell below them within their extent.
    std::vector<const Cell*> header;
    for (std::size_t i = h0; i < h1; ++i)
        for (const Cell& c : rows[i].cells) {
            header.push_back(&c);
            cols.header.push_back(c.text);
        }
    std::vector<const Cell*> leaves;
    for (const Cell* h : header) {
        bool below = false;
        for (const Cell* o : header)
            if (o != h && o->cy() > h->cy() + 0.5f * h->em && o->cx() >= h->x0 && o->cx() <= h->x1) below = true;
        if (!below) leaves.push_back(h);
    }
    std::sort(leaves.begin(), leaves.end(), [](const Cell* a, const Cell* b) { return a->cx() < b->cx(); });
    // A leaf over the labels: the nearest leaf of some label of the data rows, and of no value.
    // Every leaf right of the last one is a value column, with values under it or none (a
    // column left blank in every row).
    auto nearest_leaf = [&](const Cell& c) {
        std::size_t best = 0;
        float dist = 1e30f;
        for (std::size_t k = 0; k < leaves.size(); ++k) {
            const float d = c.cx() >= leaves[k]->x0 && c.cx() <= leaves[k]->x1 ? 0 : std::fabs(c.cx() - leaves[k]->cx());
            if (d < dist) dist = d, best = k;
        }
        return best;
    };
    std::vector<int> labels_under(leaves.size(), 0), values_under(leaves.size(), 0);
    if (!leaves.empty())
        for (std::size_t i = h1; i < end; ++i) {
            if (!rows[i].data()) continue;
            for (const Cell& c : rows[i].cells) ++(c.value ? values_under : labels_under)[nearest_leaf(c)];
        }
    std::size_t first_value_leaf = 0;
    for (std::size_t k = 0; k < leaves.size(); ++k)
        if (labels_under[k] > 0 && values_under[k] == 0) first_value_leaf = k + 1;
    if (boundary == 1e30f && first_value_leaf == 0 && !leaves.empty()) first_value_leaf = 1;  // no value at all: the first leaf holds the labels
    for (std::size_t k = first_value_leaf; k < leaves.size(); ++k) {
        const Cell* l = leaves[k];
        cols.values.push_back({l->x0, l->x1, l->cx()});
        boundary = std::min(boundary, l->x0);
    }
    if (first_value_leaf > 0) boundary = std::max(boundary, leaves[first_value_leaf - 1]->cx() + 0.5f * leaves[first_value_leaf - 1]->em);
    if (boundary == 1e30f) boundary = leaves.empty() ? 0 : leaves.back()->x1;
    cols.boundary = boundary;
    // Values under no header cell (or no header): columns of their own.
    std::vector<const Cell*> loose;
    for (const Cell* v : values) {
        bool under = false;
        for (const auto& col : cols.values)
            if (std::fabs(v->cx() - col.cx) <= (col.x1 - col.x0) / 2 + 1.0f * v->em) under = true;
        if (!under) loose.push_back(v);
    }
    for (const auto& c : columns_of_values(loose)) cols.values.push_back(c);
    std::sort(cols.values.begin(), cols.values.end(), [](const auto& a, const auto& b) { return a.cx < b.cx; });
    return cols;
}

/// Label columns: the left edges of the label cells, an em apart.
void label_columns(const std::vector<Row>& rows, std::size_t from, std::size_t end, Columns& cols) {
    std::vector<std::pair<float, float>> edges;  // left edge, em
    for (std::size_t i = from; i < end; ++i)
        for (const Cell& c : rows[i].cells)
            if (c.cx() < cols.boundary && !c.value) edges.emplace_back(c.x0, c.em);
    std::sort(edges.begin(), edges.end());
    cols.label_columns.clear();
    for (const auto& [x, em] : edges)
        if (cols.label_columns.empty() || x - cols.label_columns.back() > em) cols.label_columns.push_back(x);
}

/// A row with ≥ 2 cells and no value, at least one of them over the values: a header.
bool is_header_row(const Row& r, const std::optional<Columns>& current) {
    if (r.data() || r.cells.size() < 2) return false;
    if (!current) return true;
    return std::any_of(r.cells.begin(), r.cells.end(), [&](const Cell& c) { return c.cx() >= current->boundary; });
}

std::vector<Section> sections_of(const Region& region, const std::optional<Columns>& continued) {
    const std::vector<Row>& rows = region.rows;
    std::vector<Section> out;
    // Data rows run from `from` to the next header.
    auto data_end = [&](std::size_t from, const Columns& cols) {
        std::size_t j = from;
        while (j < rows.size() && (j == from || !is_header_row(rows[j], cols))) ++j;
        return j;
    };
    std::size_t i = 0;
    if (continued && !rows.empty() && !is_header_row(rows[0], continued)) {
        Section s;
        s.end = data_end(0, *continued);
        s.columns = *continued;  // its label columns too: the same table
        if (s.columns.label_columns.empty()) label_columns(rows, s.first, s.end, s.columns);
        i = s.end;
        out.push_back(std::move(s));
    }
    while (i < rows.size()) {
        Section s;
        s.first = i;
        // Rows without a value up to the first with one: a caption of one cell, then the header.
        std::size_t h = i;
        while (h < rows.size() && !rows[h].data()) ++h;
        std::size_t begin = i;
        while (begin < h && rows[begin].cells.size() < 2) ++begin;
        s.header_begin = begin;
        s.header_end = h;
        if (h < rows.size()) {
            const Columns probe = section_columns(rows, begin, h, h + 1);
            s.end = data_end(h, probe);
        } else {
            s.end = rows.size();
        }
        s.columns = section_columns(rows, begin, h, s.end);
        label_columns(rows, s.first, s.end, s.columns);
        i = s.end;
        out.push_back(std::move(s));
    }
    return out;
}

/// One table's rows as grid rows: labels first, then every value column, an empty cell where a
/// column has no value (a blank cell of the table).
void emit_section(const Region& region, const Section& s, std::uint32_t table, std::vector<GridRow>& out) {
    const Columns& cols = s.columns;
    const auto n_labels = static_cast<std::uint32_t>(std::max<std::size_t>(cols.label_columns.size(), 1));
    auto label_column = [&](const Cell& c) {
        std::uint32_t k = 0;
        for (std::size_t i = 0; i < cols.label_columns.size(); ++i)
            if (c.x0 >= cols.label_columns[i] - 1.0f) k = static_cast<std::uint32_t>(i);
        return k;
    };
    auto source = [](const Cell& c) {
        SourceSpan src;
        src.page = c.page;
        src.x0 = c.x0, src.y0 = c.y0, src.x1 = c.x1, src.y1 = c.y1;
        return src;
    };
    for (std::size_t i = s.first; i < s.end; ++i) {
        const Row& row = region.rows[i];
        GridRow g;
        g.tabular = true;
        g.table = table;
        const bool header = i >= s.header_begin && i < s.header_end;
        std::vector<const Cell*> labels, values;
        for (const Cell& c : row.cells) (c.cx() < cols.boundary ? labels : values).push_back(&c);
        std::optional<std::vector<std::size_t>> at;
        if (!header && row.data()) at = assign(values, cols);
        for (const Cell* c : labels) g.cells.push_back(GridCell{c->text, source(*c), label_column(*c), 1, 1});
        if (at) {
            std::size_t next = 0;
            for (std::size_t k = 0; k < cols.values.size(); ++k) {
                const auto column = n_labels + static_cast<std::uint32_t>(k);
                if (next < values.size() && (*at)[next] == k) {
                    g.cells.push_back(GridCell{values[next]->text, source(*values[next]), column, 1, 1});
                    ++next;
                } else {
                    SourceSpan src;
                    src.page = region.page;
                    src.x0 = cols.values[k].x0, src.x1 = cols.values[k].x1;
                    src.y0 = row.cy - row.em / 2, src.y1 = row.cy + row.em / 2;
                    g.cells.push_back(GridCell{"", src, column, 1, 1});
                }
            }
        } else {
            for (const Cell* c : values) {
                // a header cell spans the value columns it lies over
                std::uint32_t first = 0, span = 0;
                for (std::size_t k = 0; k < cols.values.size(); ++k)
                    if (c->x0 < cols.values[k].x1 && c->x1 > cols.values[k].x0) {
                        if (span == 0) first = static_cast<std::uint32_t>(k);
                        ++span;
                    }
                g.cells.push_back(GridCell{c->text, source(*c), n_labels + first, std::max<std::uint32_t>(span, 1), 1});
            }
        }
        if (!g.cells.empty()) out.push_back(std::move(g));
    }
}

// ---- the document ----

struct TextLine {
    std::string text;
    float x0, y0, x1, y1, cy, em;
    std::uint32_t page;
};

/// Whether a line opens a numbered part: 一、 （一） 1. 1、 (a new paragraph, whatever its width).
bool opens_part(std::string_view text) {
    const std::u32string u = detail::to_code_points(text);
    std::size_t i = 0;
    while (i < u.size() && (u[i] == U' ' || u[i] == 0x3000)) ++i;
    if (i >= u.size()) return false;
    static const std::u32string_view numerals = U"一二三四五六七八九十";
    if (u[i] == U'（' || u[i] == U'(') {
        std::size_t k = i + 1;
        while (k < u.size() && (numerals.find(u[k]) != std::u32string_view::npos || is_digit(u[k]))) ++k;
        return k > i + 1 && k < u.size() && (u[k] == U'）' || u[k] == U')');
    }
    std::size_t k = i;
    while (k < u.size() && numerals.find(u[k]) != std::u32string_view::npos) ++k;
    if (k > i) return k < u.size() && (u[k] == U'、' || u[k] == U'是');
    while (k < u.size() && is_digit(u[k])) ++k;
    return k > i && k < u.size() && (u[k] == U'、' || u[k] == U'．' || (u[k] == U'.' && k + 1 < u.size() && !is_digit(u[k + 1])));
}

/// Whether a line opens a section of the document: 一、 to 十、.
bool opens_section(std::string_view text) {
    const std::u32string u = detail::to_code_points(text);
    std::size_t i = 0;
    while (i < u.size() && (u[i] == U' ' || u[i] == 0x3000)) ++i;
    static const std::u32string_view numerals = U"一二三四五六七八九十";
    const std::size_t start = i;
    while (i < u.size() && numerals.find(u[i]) != std::u32string_view::npos) ++i;
    return i > start && i < u.size() && (u[i] == U'、' || u[i] == U'，' || u[i] == U'.');
}

struct Margins {
    float left = 0, right = 0;
};

Margins margins_of(const std::vector<TextLine>& lines) {
    std::vector<float> lefts, rights;
    for (const TextLine& l : lines)
        if (detail::char_count(l.text) >= 8) {
            lefts.push_back(l.x0);
            rights.push_back(l.x1);
        }
    Margins m;
    if (lefts.empty()) return m;
    std::sort(lefts.begin(), lefts.end());
    std::sort(rights.begin(), rights.end());
    m.left = lefts[lefts.size() / 10];
    m.right = rights[rights.size() - 1 - rights.size() / 10];
    return m;
}

/// Whether `next` continues the paragraph whose last line is `last` (on the same page, or
/// `last` ending one page and `next` opening the following one).
bool continues(const TextLine& last, const Margins& ml, const TextLine& next, const Margins& mn, bool same_page) {
    const float em = std::max(last.em, next.em);
    if (std::fabs(last.em - next.em) > 0.06f * em) return false;
    if (same_page && (next.cy - last.cy <= 0.5f * em || next.cy - last.cy > paragraph_pitch * em)) return false;
    if (ml.right <= ml.left || mn.right <= mn.left) return false;
    if (last.x1 < ml.right - 1.5f * em) return false;  // the line above stops short: its paragraph ends there
    if (next.x0 > mn.left + 0.9f * em) return false;   // the line below is indented: it opens one
    if (opens_part(next.text)) return false;
    return true;
}

}  // namespace

Grid layout(const std::vector<Page>& pages) {
    std::vector<std::vector<Line>> lines;
    lines.reserve(pages.size());
    for (std::size_t p = 0; p < pages.size(); ++p) lines.push_back(page_lines(pages[p], static_cast<std::uint32_t>(p + 1)));
    drop_page_furniture(lines, pages);

    // Each page as items in reading order: text lines and tables.
    struct Item {
        std::optional<TextLine> text;
        std::optional<Region> table;
        // A table of one line of cells at the top of a page: a table only if it goes on from the
        // page before; else these lines of text.
        bool weak = false;
        std::vector<TextLine> as_text;
    };
    std::vector<std::vector<Item>> items(pages.size());
    std::vector<Margins> margins(pages.size());
    std::vector<TextLine> all_texts;
    auto text_of_line = [](const Line& l) {
        TextLine t{line_text(l), l.x0, 0, l.x1, 0, l.cy, l.em, l.page};
        t.y0 = l.cells.front().y0, t.y1 = l.cells.front().y1;
        for (const Cell& c : l.cells) t.y0 = std::min(t.y0, c.y0), t.y1 = std::max(t.y1, c.y1);
        // text of more than one cell keeps its gaps as two spaces, for the text reader to split
        if (l.multi()) {
            t.text.clear();
            for (const Cell& c : l.cells) {
                if (!t.text.empty()) t.text += "  ";
                t.text += c.text;
            }
        }
        return t;
    };
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::vector<Line>& ls = lines[p];
        std::vector<std::size_t> kept;
        for (std::size_t k = 0; k < ls.size(); ++k)
            if (!ls[k].dropped) kept.push_back(k);
        // The tables' spans of lines: from a line of cells while the lines keep close, to the last
        // line of cells; then up over the header cells above it, down over a label's last line.
        struct Span {
            std::size_t first, last;
            bool weak;
        };
        std::vector<Span> spans;
        for (std::size_t a = 0; a < kept.size();) {
            const Line& l = ls[kept[a]];
            if (!l.multi() || l.cells.front().vertical) {
                ++a;
                continue;
            }
            std::size_t last = a, multis = 1;
            std::vector<float> table_ems{l.em};
            float left = l.x0;
            for (std::size_t b = a + 1; b < kept.size(); ++b) {
                const Line& x = ls[kept[b]];
                const Line& prev = ls[kept[b - 1]];
                const float em = std::max(x.em, prev.em);
                if (x.cy - prev.cy > table_gap * em) break;
                // the next section's heading (一、 … 十、 in a larger type) ends the table
                if (!x.multi() && !x.cells.front().vertical && !x.cells.front().value &&
                    x.em > 1.08f * median(table_ems, x.em) && opens_section(line_text(x)))
                    break;
                if (x.multi()) {
                    last = b;
                    ++multis;
                    table_ems.push_back(x.em);
                    left = std::min(left, x.x0);
                } else if (x.cy - ls[kept[last]].cy > table_run * em) {
                    break;
                }
            }
            const float table_em = median(table_ems, l.em);
            std::size_t first = a;
            const std::size_t floor = spans.empty() ? 0 : spans.back().last + 1;
            // up: header cells above the first line of cells (not a heading or a paragraph at the margin)
            while (first > floor) {
                const Line& x = ls[kept[first - 1]];
                const Line& below = ls[kept[first]];
                if (x.multi() || x.cells.front().value || below.cy - x.cy > table_gap * std::max(x.em, below.em) ||
                    x.em > 1.08f * table_em || x.x0 <= left + 1.0f * x.em)
                    break;
                --first;
            }
            // down: the last lines of labels wrapped in their cells
            while (last + 1 < kept.size()) {
                const Line& x = ls[kept[last + 1]];
                if (x.multi() || x.cells.front().vertical || x.cells.front().value) break;
                const Cell& s = x.cells.front();
                bool wraps = false;
                for (std::size_t k = first; k <= last && !wraps; ++k)
                    for (const Cell& c : ls[kept[k]].cells) {
                        const float em = std::max(c.em, s.em), pitch = s.first_cy - c.last_cy;
                        if (!c.value && pitch > 0.5f * em && pitch <= wrap_pitch * em && s.x0 < c.x1 && s.x1 > c.x0) wraps = true;
                    }
                if (!wraps) break;
                ++last;
            }
            const bool weak = multis < 2;
            if (!weak || (first == 0 && p > 0)) spans.push_back({first, last, weak});
            a = last + 1;
        }
        std::vector<TextLine> texts;
        std::size_t next_span = 0;
        for (std::size_t a = 0; a < kept.size();) {
            if (next_span < spans.size() && spans[next_span].first == a) {
                const Span& sp = spans[next_span++];
                Item it;
                it.weak = sp.weak;
                if (sp.weak)
                    for (std::size_t k = sp.first; k <= sp.last; ++k) it.as_text.push_back(text_of_line(ls[kept[k]]));
                it.table = make_region(ls, kept[sp.first], kept[sp.last]);
                items[p].push_back(std::move(it));
                a = sp.last + 1;
                continue;
            }
            const TextLine t = text_of_line(ls[kept[a]]);
            texts.push_back(t);
            items[p].push_back(Item{t, std::nullopt, false, {}});
            ++a;
        }
        all_texts.insert(all_texts.end(), texts.begin(), texts.end());
    }
    // The body's margins, over the whole document: a page of tables has too few lines of text to tell.
    const Margins body = margins_of(all_texts);
    for (auto& m : margins) m = body;

    // Out, in order: paragraphs joined (also over a page break), a table continued on the next
    // page joined to it (its columns carried over).
    Grid g;
    std::uint32_t tables = 0;
    std::optional<Columns> last_columns;   // of the table that ended the page before
    std::optional<TextLine> open;          // the paragraph being joined: its last line
    std::size_t open_page = 0;
    std::size_t open_row = 0;
    bool prev_ended_with_table = false;
    auto emit_text = [&](const TextLine& t, std::size_t p) {
        if (open && !g.rows.empty() && open_row == g.rows.size() - 1 &&
            continues(*open, margins[open_page], t, margins[p], open_page == p)) {
            GridCell& c = g.rows.back().cells.back();
            join_wrapped(c.text, t.text);
            c.source.x1 = std::max(c.source.x1, t.x1);
            if (open_page == p) c.source.y1 = std::max(c.source.y1, t.y1);
        } else {
            GridRow row;
            SourceSpan src;
            src.page = t.page;
            src.x0 = t.x0, src.y0 = t.y0, src.x1 = t.x1, src.y1 = t.y1;
            row.cells.push_back(GridCell{t.text, src, 0, 1, 1});
            g.rows.push_back(std::move(row));
        }
        open = t;
        open_page = p;
        open_row = g.rows.size() - 1;
        last_columns.reset();
        prev_ended_with_table = false;
    };
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (std::size_t k = 0; k < items[p].size(); ++k) {
            Item& it = items[p][k];
            if (it.text) {
                emit_text(*it.text, p);
                continue;
            }
            open.reset();
            Region& region = *it.table;
            // A continuation: the first thing on its page, after a table that ended the page before,
            // with the same value columns and no header of its own (or the same header again).
            std::optional<Columns> carried;
            if (k == 0 && prev_ended_with_table && last_columns && !region.rows.empty()) {
                std::size_t skip = 0;
                // a header the page repeats
                std::vector<std::string> texts;
                while (skip < region.rows.size() && !region.rows[skip].data() && texts.size() < last_columns->header.size()) {
                    for (const Cell& c : region.rows[skip].cells) texts.push_back(c.text);
                    ++skip;
                }
                const bool repeated = !last_columns->header.empty() && texts == last_columns->header;
                if (repeated) region.rows.erase(region.rows.begin(), region.rows.begin() + static_cast<std::ptrdiff_t>(skip));
                bool fits = !region.rows.empty();
                std::size_t values = 0;
                for (std::size_t r = 0; r < region.rows.size() && fits && !is_header_row(region.rows[r], last_columns); ++r)
                    for (const Cell& c : region.rows[r].cells)
                        if (c.value) {
                            ++values;
                            bool under = false;
                            for (const auto& col : last_columns->values)
                                if (std::fabs(c.cx() - col.cx) <= (col.x1 - col.x0) / 2 + 1.0f * c.em) under = true;
                            if (!under) fits = false;
                        }
                if (fits && values > 0) carried = last_columns;
            }
            if (carried) {
                // A label cut by the page break: its last line opens the page, alone, where the label
                // column of the last row was.
                if (region.rows.size() >= 2 && region.rows[0].cells.size() == 1 && !region.rows[0].data() &&
                    region.rows[1].data() && !g.rows.empty() && g.rows.back().tabular) {
                    const Cell& tail = region.rows[0].cells[0];
                    GridRow& before = g.rows.back();
                    for (GridCell& c : before.cells)
                        if (!c.text.empty() && std::fabs(c.source.x0 - tail.x0) <= 0.5f * tail.em && !is_value(c.text)) {
                            join_wrapped(c.text, tail.text);
                            region.rows.erase(region.rows.begin());
                            break;
                        }
                }
            } else if (it.weak) {
                for (const TextLine& t : it.as_text) emit_text(t, p);
                continue;
            } else {
                ++tables;
            }
            const std::vector<Section> sections = sections_of(region, carried);
            for (const Section& s : sections) emit_section(region, s, tables, g.rows);
            if (!sections.empty()) last_columns = sections.back().columns;
            prev_ended_with_table = k + 1 == items[p].size();
        }
        // a page that ends in text leaves no table to continue
        if (!items[p].empty() && items[p].back().text) prev_ended_with_table = false;
    }
    g.tables = tables;

    // Each cell's place in the grid's own text: rows as lines, cells joined by tabs.
    std::size_t offset = 0;
    for (std::size_t r = 0; r < g.rows.size(); ++r) {
        std::size_t column = 1;
        bool first = true;
        for (GridCell& c : g.rows[r].cells) {
            if (!first) {
                ++offset;
                ++column;
            }
            first = false;
            c.source.offset = offset;
            c.source.length = c.text.size();
            c.source.line = static_cast<std::uint32_t>(r + 1);
            c.source.column = static_cast<std::uint32_t>(column);
            offset += c.text.size();
            column += detail::char_count(c.text);
        }
        ++offset;  // the line's end
    }
    return g;
}

}  // namespace ogi::read::pdf
