// Internal: what the placement stage decides, and the digit-run resolver completes. For each cell
// of the form: the token that gives its value (or says it is blank), how that was decided, and
// where it came from; or a group of digit runs still to be split; or nothing (not found).
#pragma once

#include "read/cells.hpp"

#include <ogi/base/diagnostic.hpp>
#include <ogi/form/form.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ogi::read {

/// How a cell's value was placed (docs/extract.md, "How it reads"; --explain says it).
enum class Basis : std::uint8_t {
    row,           ///< on its row, by the row's label, in the column order of the row
    before_label,  ///< the row's values printed just before its label (a PDF's text does that)
    missing_label, ///< the only row of its block or table whose label is missing, with exactly its values
    stream,        ///< a table given cell by cell with its labels apart from its numbers, read whole in the form's order
    columns,       ///< a stretch of section 三 given column by column, read so as the row totals show
    split,         ///< digits that ran together, split the only way that fits the form's arithmetic
    cut_off,       ///< the first cells of a row at the end of a text cut short
};
std::string_view to_string(Basis b);

/// One cell's reading.
struct Slot {
    bool blank = false;      ///< the text shows the cell empty (or a placeholder)
    std::string value;       ///< the digits as read ("-8", "38297", "0.38") when not blank
    std::string unit;        ///< a unit printed with it (元, 万元)
    bool annotated = false;  ///< read off a unit, a sign or a note: said with OGI-E-ANNOTATED
    std::string raw;         ///< the cell as printed
    SourceSpan source;
    Basis basis = Basis::row;
};

/// Digits that ran together, to be split into these cells.
struct RunGroup {
    std::vector<CellIndex> cells;     ///< in the form's order
    std::vector<std::size_t> tokens;  ///< the value tokens holding their digits (runs and numbers)
    enum class Check : std::uint8_t {
        none,          ///< section 二: no arithmetic (the report's prose may still decide)
        row_total,     ///< a section 三 row: the last cell is the sum of the others, then jointly with the other rows
        group_totals,  ///< section 四: each group of five ends with its total
    } check = Check::none;
};

/// The placement of a report's cells: the edition and layout read, a slot per form cell (by
/// the index of the edition's form), the digit runs still to split, and what was found on the way.
struct Placement {
    Edition edition = Edition::e2021;
    bool single_other = false;          ///< section 三（六） as the one-row layout
    std::vector<std::optional<Slot>> cells;
    std::vector<RunGroup> runs;
    std::vector<CellIndex> undecided;   ///< cells left blank because their digits split more than one way (said)
    std::vector<CellIndex> unreadable;  ///< cells of rows found but not readable, left blank (said)
    std::map<CellIndex, std::string> unit_hints;  ///< a unit printed after a run, for its last cell
    std::vector<Diagnostic> diagnostics;
    bool no_tables = false;             ///< no table of the form was found
};

/// A diagnostic of the reading engine, at a pointer and a source place.
Diagnostic reading_diagnostic(std::string_view rule, Severity severity, std::string path, const SourceSpan* at,
                              std::string en, std::string zh);

}  // namespace ogi::read
