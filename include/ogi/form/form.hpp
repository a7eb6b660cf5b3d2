// ogi — the official report form as data.
//
// Each edition of the form (国办公开办函〔2019〕60号 and 〔2021〕30号) is one definition: its
// tables, blocks, rows and columns with their official labels and the variants seen in real
// reports, and the arithmetic relations among its cells. The JSON Schema, the validator's
// totals, the extractor's label matching and the renderer's layout are all read from here.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ogi {

/// An edition of the official form. The edition is what the tables look like, not the year.
enum class Edition : std::uint8_t {
    e2019,  ///< 国办公开办函〔2019〕60号 trial format, for the 2019 and 2020 reports
    e2021,  ///< 国办公开办函〔2021〕30号, for the reports from 2021 on
};
inline constexpr Edition all_editions[] = {Edition::e2019, Edition::e2021};

std::string_view to_string(Edition e);                    ///< "2019" or "2021"
std::optional<Edition> parse_edition(std::string_view s);  ///< inverse of to_string
/// The edition the law expects for a report year: 2019 up to 2020, 2021 from then on.
Edition expected_edition(int year);

/// What a cell holds.
enum class CellKind : std::uint8_t {
    count,         ///< a non-negative integer
    signed_count,  ///< an integer that may be negative (本年增/减)
    money,         ///< a non-negative exact decimal
    unit,          ///< one word of a fixed list (the unit of an amount); not drawn as a cell
};

/// A column of a block: its JSON key, its official header label and what it holds.
struct Column {
    std::string key;
    std::string label;
    CellKind kind = CellKind::count;
    std::string group;                  ///< a merged header above it, e.g. "法人或其他组织"
    std::vector<std::string> variants;  ///< other header wordings seen in real reports
    std::vector<std::string> words;     ///< for CellKind::unit: the allowed words
};

/// Rows that only some layouts have: section 三（六）其他处理 is one row in the 2019 form and
/// three in the 2021 form, and real reports of either edition use either layout.
enum class RowLayout : std::uint8_t {
    always,        ///< every report has the row
    single_other,  ///< only in the one-row （六） layout
    split_other,   ///< only in the three-row （六） layout
};

/// A row of a block: its JSON key, its official label, the group it sits in and label variants.
struct Row {
    std::string key;
    std::string label;   ///< the row's own label, e.g. "1.属于国家秘密"
    std::string group;   ///< the merged group cell it sits under, e.g. "（三）不予公开"; may be empty
    std::string number;  ///< the outer numbering cell, e.g. "三、本年度办理结果"; may be empty
    std::vector<std::string> variants;
    RowLayout layout = RowLayout::always;
};

/// A block of a table: a heading row, a header row of columns, and data rows.
struct Block {
    std::string heading;  ///< e.g. "第二十条第（一）项"; empty when the table has one block
    std::string header;   ///< the label of the row-label column, e.g. "信息内容"
    std::vector<Column> columns;
    std::vector<Row> rows;
};

/// One of the three tables (sections 二, 三, 四).
struct Table {
    std::string key;    ///< "proactive", "applications" or "reviews"
    std::string title;  ///< the section heading, e.g. "二、主动公开政府信息情况"
    std::vector<Block> blocks;
};

using CellIndex = std::uint32_t;

/// One cell of the form, addressed by its JSON Pointer `/<table>/<row>/<column>`.
struct CellDef {
    std::uint16_t table = 0, block = 0, row = 0, column = 0;
    std::string pointer;
};

/// How the two sides of a relation compare.
enum class Comparison : std::uint8_t { equal, less_equal, greater_equal };

/// An arithmetic relation among cells: sum(lhs) <op> sum(rhs). A relation belongs to a rule
/// of the catalogue; a failure is reported at `target`, the other cells are `related`.
struct Relation {
    std::string_view rule;          ///< rule id, e.g. "OGI-T3-ROW-TOTAL"
    Comparison op = Comparison::equal;
    CellIndex target = 0;
    std::vector<CellIndex> lhs, rhs;
    std::string what_en, what_zh;   ///< what is checked, e.g. "row total" / "行合计"
    std::string parts_en, parts_zh; ///< what the other side is, e.g. "the applicant columns"
};

/// One edition of the official form.
class Form {
public:
    Form(Edition edition, std::vector<Table> tables);

    [[nodiscard]] Edition edition() const { return edition_; }
    [[nodiscard]] const std::vector<Table>& tables() const { return tables_; }
    [[nodiscard]] const std::vector<CellDef>& cells() const { return cells_; }
    [[nodiscard]] const std::vector<Relation>& relations() const { return relations_; }

    [[nodiscard]] const Table* table(std::string_view key) const;
    [[nodiscard]] const Row& row(const CellDef& c) const;
    [[nodiscard]] const Column& column(const CellDef& c) const;

    /// The cell at a JSON Pointer such as "/applications/granted/total".
    [[nodiscard]] std::optional<CellIndex> find(std::string_view pointer) const;
    [[nodiscard]] std::optional<CellIndex> find(std::string_view table, std::string_view row,
                                                std::string_view column) const;
    /// A human label for a cell: "一、本年新收政府信息公开申请数量 — 总计".
    [[nodiscard]] std::string cell_label(CellIndex cell) const;

    void add_relation(Relation r) { relations_.push_back(std::move(r)); }

private:
    Edition edition_;
    std::vector<Table> tables_;
    std::vector<CellDef> cells_;
    std::vector<Relation> relations_;
    /// Hashes std::string and std::string_view alike, so that find() needs no string.
    struct PointerHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, CellIndex, PointerHash, std::equal_to<>> by_pointer_;
};

/// The definition of an edition. Built once, shared, never changes.
const Form& form(Edition edition);

}  // namespace ogi
