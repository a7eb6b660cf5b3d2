// ogi — drawing a report's three tables in the layout of the official form of its edition.
//
// Every label, merged cell and row of the drawing is read from the form definition
// (form.hpp): the renderer knows how a form is drawn, not what it says.
#pragma once

#include <ogi/base/diagnostic.hpp>
#include <ogi/model/report.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogi {

/// What render() writes.
enum class RenderFormat : std::uint8_t {
    html,      ///< a standalone page: inline CSS, no external resources, printable
    markdown,  ///< GitHub tables; merged cells written once, in their top-left position
    text,      ///< the flattened text of a copied table: one cell per line behind a tab, a blank line between rows
};
std::string_view to_string(RenderFormat f);                        ///< "html", "markdown", "text"
std::optional<RenderFormat> parse_render_format(std::string_view s);  ///< inverse of to_string

struct RenderOptions {
    /// Diagnostics to mark on the drawing (for example validate()'s), or nullptr for none. A
    /// diagnostic whose path is a drawn cell marks that cell; every diagnostic is listed in the
    /// legend. The pointed-to vector must outlive the call.
    const std::vector<Diagnostic>* marks = nullptr;
    /// The language of the messages and of the page's own words; the form's labels stay Chinese.
    Lang lang = Lang::zh;
};

/// Draws sections 二, 三 and 四 of a report. Blank cells are drawn empty, never as 0.
std::string render(const Report& report, RenderFormat format, const RenderOptions& options = {});

}  // namespace ogi
