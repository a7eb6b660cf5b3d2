// Internal: cells as the placement stage sees them. Each cell of a grid becomes a token: a
// number (with its sign, unit and note read and said), a blank (an empty cell or a placeholder
// such as / or 无 — blank is never zero), a run of digits that ran together (a crawler's dump),
// or text, which may be a label of the form (labels.hpp).
#pragma once

#include "read/grid.hpp"
#include "read/labels.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogi::read {

struct Token {
    enum class Kind : std::uint8_t { text, number, blank, run };
    Kind kind = Kind::text;
    std::string raw;    ///< as printed
    std::string norm;   ///< normalised, for text
    std::string value;  ///< number: its digits ("-8", "38297", "0.38"); run: digits, spaces, signs and points
    std::string unit;   ///< a unit printed with a number (元, 万元, 件 …)
    bool annotated = false;  ///< a unit, an explicit plus sign or a note in brackets was read off
    int label = -1;          ///< text: the label (labels()) it is, or -1
    bool partial = false;    ///< the label matched only the start of a wrapped label
    std::uint32_t row = 0;   ///< the grid row it sits on
    SourceSpan source;       ///< where it came from

    [[nodiscard]] bool is_value() const { return kind != Kind::text; }
};

/// A number as printed in a cell: "0", "-8", "+22", "1,234", "38297元", "13件", "0.38万元",
/// "22（其中修订16件）"; placeholders ("/", "-", "—", "无", "不适用" …) are blanks. Nothing for text.
std::optional<Token> read_number_cell(std::string_view text);
/// Whether read_number_cell reads the cell as a number or a placeholder, without making the token.
bool is_number_cell(std::string_view text);
/// Page numbers that pdftotext leaves between lines: "-3-", "- 3 -", "第 3 页".
bool is_page_number(std::string_view text);

/// The tokens of a grid, row by row: an empty cell is a blank; a page number is dropped; a
/// label with digits run on ("规范性文件898989") is a label and a run. In a crawler's dump
/// (`glued`), every number is a run: its boundaries are unknown. Blank cells that belong to no
/// row of the form (a table's empty corner, padding between a heading and its labels) are left out.
std::vector<Token> tokenize(const Grid& grid, bool glued);

}  // namespace ogi::read
