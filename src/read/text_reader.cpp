// The text reader (text_reader.hpp): lines into cells.
#include "read/text_reader.hpp"

#include "read/cells.hpp"
#include "read/chars.hpp"
#include "read/labels.hpp"

#include <algorithm>
#include <string>

namespace ogi::read {
namespace {

using detail::normalise_label;

/// Splits one line (or piece) into cells. Cells are views of the line; emit() gives each its source.
class Splitter {
public:
    Splitter(std::string_view line, const SourceSpan& at, bool in_text, std::vector<GridCell>& out)
        : u_(line), at_(at), in_text_(in_text), out_(out) {}

    void run() {
        // An empty cell between two separators is a blank cell ("规章 | 0 |  | 3 |"), and so is a
        // line that is a lone tab (a copied table's empty cell); a line of pipes only is filler.
        bool any_text = false;
        for (std::size_t i = 0; i < u_.size() && !any_text;) {
            const std::size_t n = space(i);
            any_text = n == 0 && u_[i] != '|' && u_.substr(i, 3) != "｜";
            i += n ? n : char_length(u_, i);
        }
        any_text_ = any_text;
        starts_with_empty_value_row_ = empty_first_then_numbers();
        for (std::size_t i = 0; i < u_.size();) {
            if (const std::size_t n = separator(i)) {
                const char sep = u_[i] == '\t' ? '\t' : u_[i] == '|' ? '|' : 'F';  // F: the full-width pipe
                blank_if_empty(i, sep);
                flush(i);
                start_ = i + n;
                before_ = sep;
                i += n;
            } else {
                i += char_length(u_, i);
            }
        }
        blank_if_empty(u_.size(), 0);
        flush(u_.size());
    }

private:
    std::string_view u_;
    const SourceSpan& at_;
    bool in_text_;
    std::vector<GridCell>& out_;
    std::size_t start_ = 0;
    char before_ = 0;  // the separator before the current segment: '\t', '|', 'F' (｜), or 0
    bool any_text_ = false, starts_with_empty_value_row_ = false;
    std::vector<std::pair<std::size_t, std::size_t>> words_;  // segment()'s scratch
    // Characters counted so far from the line's start: cells come in order, so each column is
    // counted on from the last one (a 2 MB one-line dump would be quadratic otherwise).
    std::size_t counted_bytes_ = 0, counted_chars_ = 0;

    std::size_t chars_before(std::size_t byte) {
        if (byte < counted_bytes_) counted_bytes_ = counted_chars_ = 0;
        counted_chars_ += detail::char_count(u_.substr(counted_bytes_, byte - counted_bytes_));
        counted_bytes_ = byte;
        return counted_chars_;
    }

    std::size_t space(std::size_t i) const { return space_at(u_.substr(i)); }
    /// A separator at byte i: its length, or 0 (tab, pipe, full-width pipe).
    std::size_t separator(std::size_t i) const {
        if (u_[i] == '\t' || u_[i] == '|') return 1;
        return u_.substr(i, 3) == "｜" ? 3 : 0;
    }

    /// A cell of the line: bytes [from, to) of it, trimmed ("" for a blank cell at `from`).
    void emit(std::size_t from, std::size_t to) {
        std::string_view t = u_.substr(from, to - from);
        const std::string_view trimmed = trim_view(t);
        const std::size_t lead = trimmed.empty() ? 0 : static_cast<std::size_t>(trimmed.data() - t.data());
        GridCell c;
        c.text = trimmed;
        c.source = at_;
        if (in_text_) {
            c.source.offset = at_.offset + from + lead;
            c.source.length = trimmed.size();
            c.source.column = at_.column + static_cast<std::uint32_t>(chars_before(from + lead));
        }
        c.column = static_cast<std::uint32_t>(out_.size());
        out_.push_back(std::move(c));
    }

    /// " | 8 | 0 | …": an empty first cell, then numbers only.
    bool empty_first_then_numbers() const {
        std::size_t k = 0;
        while (k < u_.size())
            if (const std::size_t n = space(k)) k += n;
            else break;
        if (!(k < u_.size() && k > 0 && (u_[k] == '|' || u_.substr(k, 3) == "｜"))) return false;
        bool numbers = false, words = false;
        for (std::size_t q = k; q < u_.size();) {
            const std::size_t n = space(q);
            const std::size_t len = n ? n : char_length(u_, q);
            if (is_digit_at(u_, q)) numbers = true;
            else if (!n && u_[q] != '|' && u_.substr(q, 3) != "｜" && u_[q] != '.' && u_[q] != '-' && u_[q] != '/')
                words = true;
            q += len;
        }
        return numbers && !words;
    }

    void blank_if_empty(std::size_t end, char after) {
        for (std::size_t k = start_; k < end;) {
            const std::size_t n = space(k);
            if (!n) return;
            k += n;
        }
        // Before the first separator: a cell only in a row of values whose first is blank
        // (" | 8 | 0 |"), not in a line that opens with a separator ("|", "\t0").
        if (before_ == 0 && (after != '|' || !starts_with_empty_value_row_)) return;
        if (after == 0 && before_ != '\t') return;  // after the row's closing pipe
        if (!any_text_ && before_ != '\t') return;  // "|||"
        emit(start_, start_);
    }

    /// The text between two separators: split at gaps of two or more spaces.
    void flush(std::size_t end) {
        if (end <= start_) return;
        std::size_t i = start_;
        while (i < end) {
            std::size_t gap = end;
            for (std::size_t j = i; j < end;) {
                const std::size_t n = space(j);
                if (n && j + n < end && space(j + n)) {
                    gap = j;
                    break;
                }
                j += n ? n : char_length(u_, j);
            }
            segment(i, gap);
            if (gap == end) break;
            i = gap;
            while (i < end)
                if (const std::size_t n = space(i)) i += n;
                else break;
        }
    }

    /// A segment between tabs, pipes or wide gaps: "label 0 0 0" splits off its numbers.
    void segment(std::size_t from, std::size_t to) {
        const std::string_view u = u_.substr(from, to - from);
        words_.clear();  // [start, end) in bytes of u
        for (std::size_t i = 0; i < u.size();) {
            while (i < u.size())
                if (const std::size_t n = space_at(u.substr(i))) i += n;
                else break;
            const std::size_t s = i;
            while (i < u.size() && space_at(u.substr(i)) == 0) i += char_length(u, i);
            if (i > s) words_.emplace_back(s, i);
        }
        if (words_.empty()) return;
        // Trailing words that are numbers become cells of their own.
        std::size_t first_number = words_.size();
        while (first_number > 0) {
            const auto [s, e] = words_[first_number - 1];
            if (!is_number_cell(u.substr(s, e - s))) break;
            --first_number;
        }
        if (first_number == words_.size() || (first_number == 0 && words_.size() == 1)) {
            emit(from, to);
            return;
        }
        if (first_number > 0) emit(from, from + words_[first_number - 1].second);
        for (std::size_t w = first_number; w < words_.size(); ++w) emit(from + words_[w].first, from + words_[w].second);
    }
};

/// A crawler's one-line body: the tables' cells touch ("规章000规范性文件898989"). The line's
/// byte ranges cut before and after every label of the form, so that what is left between
/// them are digit runs.
std::vector<std::pair<std::size_t, std::size_t>> cut_glued(std::string_view line) {
    // Normalise per character so that positions map back; spaces are kept (they are cell
    // boundaries inside digit runs) but skipped when matching a label ("本年度办 理结果").
    std::string joined;
    std::vector<std::size_t> byte_of;  // byte of joined → byte of line where its character starts
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t len = char_length(line, i);
        const std::string_view ch = line.substr(i, len);
        std::string n = space_at(ch) ? std::string(" ") : normalise_label(ch);
        for (std::size_t k = 0; k < n.size(); ++k) byte_of.push_back(i);
        joined += n;
        i += len;
    }
    byte_of.push_back(line.size());
    auto match_at = [&](std::size_t pos, const std::string& label) -> std::size_t {  // bytes of joined covered
        std::size_t j = pos, k = 0;
        while (k < label.size()) {
            if (j >= joined.size()) return 0;
            if (joined[j] == ' ' && k > 0) {
                ++j;
                continue;
            }
            if (joined[j] != label[k]) return 0;
            ++j;
            ++k;
        }
        return j - pos;
    };
    // A position is tried only against the labels that start with its character, and only where
    // a character starts, so that the cut is linear in the line's length (a 100 MB one-line dump
    // stays linear).
    std::vector<std::size_t> cuts;
    std::size_t pos = 0;
    while (pos < joined.size()) {
        std::size_t best = 0;
        const auto lead = static_cast<unsigned char>(joined[pos]);
        if (joined[pos] != ' ' && (lead & 0xC0) != 0x80)
            for (const Label* l : labels_starting_with(std::string_view(joined).substr(pos, utf8_length(lead))))
                if (const std::size_t m = match_at(pos, l->norm); m > best) best = m;
        if (best > 0) {
            cuts.push_back(byte_of[pos]);
            cuts.push_back(byte_of[pos + best]);
            pos += best;
        } else {
            ++pos;
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    std::size_t prev = 0;
    for (std::size_t c : cuts) {
        if (c > prev) parts.emplace_back(prev, c);
        prev = std::max(prev, c);
    }
    if (prev < line.size()) parts.emplace_back(prev, line.size());
    return parts;
}

/// Whether a line is a crawler's dump of the tables: long, with a 第二十条 heading and 信息内容.
bool is_glued(std::string_view l) {
    if (l.size() <= 600 || l.find("第二十条") == std::string_view::npos) return false;
    return normalise_label(l).find(normalise_label("信息内容")) != std::string::npos;
}

}  // namespace

void split_text(std::string_view line, const SourceSpan& at, bool in_text, std::vector<GridCell>& out) {
    Splitter(line, at, in_text, out).run();
}

Grid read_text(std::string_view text, std::size_t offset_base) {
    struct Line {
        std::size_t start, end;
    };
    std::vector<Line> lines;
    lines.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    for (std::size_t start = 0;;) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::size_t e = end;
        if (e > start && text[e - 1] == '\r') --e;
        lines.push_back({start, e});
        if (end == text.size()) break;
        start = end + 1;
    }
    auto view = [&](const Line& l) { return text.substr(l.start, l.end - l.start); };
    auto tab_led = [&](const Line& l) { return l.end > l.start && text[l.start] == '\t'; };
    // A table copied out of a browser: a cell per line behind a tab, a wrapped cell continued on
    // the next line without one, a blank line ending each row. Told by its many tab-led lines;
    // each run of lines that opens with one is then a table row whose cells are given.
    std::size_t tab_lines = 0, text_lines = 0;
    for (const Line& l : lines) {
        if (trim_view(view(l)).empty() && !tab_led(l)) continue;
        ++text_lines;
        tab_lines += tab_led(l) && view(l).find('\t', 1) == std::string_view::npos;
    }
    const bool tab_rows = tab_lines >= 30 && tab_lines * 5 >= text_lines;
    Grid g;
    g.spans_in_text = true;
    g.rows.reserve(lines.size());
    auto source_of = [&](std::size_t li, std::size_t skip) {
        SourceSpan at;
        at.offset = offset_base + lines[li].start + skip;
        at.length = lines[li].end - lines[li].start - skip;
        at.line = static_cast<std::uint32_t>(li + 1);
        at.column = static_cast<std::uint32_t>(1 + skip);
        return at;
    };
    for (std::size_t li = 0; li < lines.size(); ++li) {
        if (tab_rows && tab_led(lines[li])) {
            GridRow& row = g.rows.emplace_back();
            row.tabular = true;
            for (; li < lines.size() && !(view(lines[li]).empty()); ++li) {
                const std::string_view v = view(lines[li]);
                if (tab_led(lines[li]) || row.cells.empty()) {
                    GridCell c;
                    c.source = source_of(li, tab_led(lines[li]) ? 1 : 0);
                    c.text = trim_view(v);
                    c.column = static_cast<std::uint32_t>(row.cells.size());
                    row.cells.push_back(std::move(c));
                } else {  // a wrapped cell goes on
                    row.cells.back().text += trim_view(v);
                }
            }
            // The empty line that ended the row is a row of its own, as every line is.
            if (li < lines.size()) g.rows.emplace_back().cells.push_back(GridCell{"", source_of(li, 0), 0, 1, 1});
            continue;
        }
        GridCell c;
        c.text = view(lines[li]);
        c.source = source_of(li, 0);
        g.rows.emplace_back().cells.push_back(std::move(c));
    }
    return g;
}

bool split_lines(Grid& grid) {
    bool glued = false;
    for (const GridRow& r : grid.rows)
        if (!r.tabular && r.cells.size() == 1 && is_glued(r.cells.front().text)) {
            glued = true;
            break;
        }
    std::vector<GridCell> cells;
    for (GridRow& row : grid.rows) {
        if (row.tabular) continue;
        cells.clear();
        for (const GridCell& whole : row.cells) {
            const std::string_view line = whole.text;
            if (!glued) {
                split_text(line, whole.source, grid.spans_in_text, cells);
                continue;
            }
            // In a dump, cut at the labels first (a table continued on the next line is cut the same way).
            std::size_t counted = 0, chars = 0;  // counted on from piece to piece, as the Splitter does
            for (const auto& [from, to] : cut_glued(line)) {
                SourceSpan piece = whole.source;
                if (grid.spans_in_text) {
                    chars += detail::char_count(line.substr(counted, from - counted));
                    counted = from;
                    piece.offset = whole.source.offset + from;
                    piece.column = whole.source.column + static_cast<std::uint32_t>(chars);
                }
                split_text(line.substr(from, to - from), piece, grid.spans_in_text, cells);
            }
        }
        row.cells.swap(cells);
    }
    return glued;
}

}  // namespace ogi::read
