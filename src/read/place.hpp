// Internal: the placement stage. Tokens of a grid are mapped to the cells of the form by labels:
// each table's region is found by its heading or first label, wherever it stands; within it each
// row of the form by its label (or variant); a row's values are the value cells on the label's
// grid row after it — or, when that row holds none, on the following grid rows up to the next
// label, never on a grid row that has a row label of its own. A value never joins a row it does
// not sit on: a row with fewer values than cells is left blank and said (unless the text ends
// inside it: then its first cells are read and the rest are missing), a written empty cell is a
// blank cell. Two readings need no label on the row: the one row of a block or table whose label
// is missing, given exactly its values between the rows around it, and a table printed cell by
// cell with its labels apart from its numbers, read whole in the form's order when its count of
// values is exactly its count of cells and its labels give no clean reading.
#pragma once

#include "read/cells.hpp"
#include "read/placement.hpp"

#include <optional>
#include <vector>

namespace ogi::read {

/// The edition of section 二 as its labels tell it (never the year); nothing when no label tells.
std::optional<Edition> detect_edition(const std::vector<Token>& tokens);

/// Places the tokens of a grid (`glued`: a crawler's dump, whose numbers are runs) on the form.
/// Runs are grouped for resolve_runs() (runs.hpp), not split here.
Placement place(const std::vector<Token>& tokens, bool glued);

}  // namespace ogi::read
