// Internal: the form's labels as the reading engine matches them. Every label of every edition —
// section headings, block headings, column headers, row labels and their variants — normalised
// once (base/text.hpp), indexed by their first characters, and matched against a cell's text.
#pragma once

#include <ogi/form/form.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ogi::read {

enum class LabelKind : std::uint8_t {
    section_proactive, section_applications, section_reviews, section_problems, section_other, section_overview,
    block_heading,   ///< 第二十条第（一）项
    info_header,     ///< 信息内容
    column_header,   ///< a column label of table 二
    proactive_row,   ///< a row of table 二 (edition, block, row)
    check_note,      ///< the 勾稽 note / 申请人情况: the head of table 三
    applicant_header,
    application_row, ///< a row of table 三
    group_label,     ///< （三）不予公开 …: no cells of its own
    review_header,   ///< 行政复议, 行政诉讼, 结果维持 …
};

/// Whether a label of this kind is a section heading (一 … 六).
inline bool is_section(LabelKind k) { return k <= LabelKind::section_overview; }

struct Label {
    std::string norm;  ///< normalised text
    LabelKind kind;
    int edition = -1;  ///< for table 二: 0 = 2019, 1 = 2021; -1 both
    int block = -1, row = -1, column = -1;
    bool primary = true;  ///< the official wording (not a variant)
};

/// Every label, in the form's order.
const std::vector<Label>& labels();

/// The label a cell's normalised text is: the longest label it starts with (the rest being empty,
/// a note in brackets, or digits that ran on — in a crawler's dump, `glued`, also a sign), or, for
/// a wrapped label, the one label whose start the cell is (five characters at least), or a
/// section 三 row label with its numbering dropped or changed.
struct LabelMatch {
    int label = -1;           ///< index into labels(), or -1
    std::size_t covered = 0;  ///< bytes of the text the label covers
    bool partial = false;     ///< the text is only the start of the label
};
LabelMatch match_label(const std::string& norm, bool glued);

/// Label `label` as the edition `e` words it: 规章 is a row of both editions' table 二, and the
/// one of the report's edition is meant. Labels of no edition are themselves.
const Label& in_edition(int label, Edition e);

/// "1.属于国家秘密" → "属于国家秘密"; "(一)予以公开" → "予以公开".
std::string strip_numbering(const std::string& norm);

/// The labels whose normalised text starts with the character `first` (its UTF-8 bytes), for
/// cutting a crawler's dump at every label.
const std::vector<const Label*>& labels_starting_with(std::string_view first);

}  // namespace ogi::read
