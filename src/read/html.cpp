// The HTML reader (html.hpp).
#include "read/html.hpp"

#include "base/text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>
#include <vector>

namespace ogi::read {
namespace {

/// Whether a name from libxml2 (of an element or an attribute) is `lower`, in either case. libxml2
/// gives HTML names in lower case already; the test is inline because it runs some forty times
/// per element of a page.
bool name_is(const xmlChar* a, const char* lower) {
    if (!a) return false;
    for (; *lower; ++a, ++lower) {
        const char c = static_cast<char>(*a);
        if (c != *lower && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == *lower)) return false;
    }
    return *a == 0;
}

bool is(const xmlNode* n, const char* name) { return n && n->type == XML_ELEMENT_NODE && name_is(n->name, name); }

bool is_block(const xmlNode* n) {
    static const char* blocks[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section",
                                   "article", "header", "footer", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd",
                                   "center", "form", "body", "title"};
    for (const char* b : blocks)
        if (is(n, b)) return true;
    return false;
}

bool skipped(const xmlNode* n) { return is(n, "script") || is(n, "style") || is(n, "noscript") || is(n, "head"); }

/// The length of the white space (ASCII, U+00A0 or U+3000) that starts at s[i], or 0.
std::size_t space_at(const std::string& s, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80)
        return 3;
    return 0;
}

/// Collapses white space (including &nbsp; and the ideographic space) to single spaces and trims,
/// in place: this runs on the text of every cell of a page, and a second string would cost an
/// allocation each time.
std::string clean(std::string s) {
    std::size_t out = 0;
    bool space = false;
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t w = space_at(s, i)) {
            space = out > 0;
            i += w;
            continue;
        }
        std::size_t end = i + 1;
        while (end < s.size() && space_at(s, end) == 0) ++end;
        if (space) s[out++] = ' ';  // out < i here: a space was passed over
        space = false;
        if (out != i) std::memmove(s.data() + out, s.data() + i, end - i);
        out += end - i;
        i = end;
    }
    s.resize(out);
    return s;
}

void text_of(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) out += reinterpret_cast<const char*>(c->content);
        } else if (is(c, "br")) {
            out += ' ';
        } else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
            if (is_block(c)) out += ' ';
            text_of(c, out);
            if (is_block(c)) out += ' ';
        }
    }
}

bool contains_table(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (is(c, "table")) return true;
        if (c->type == XML_ELEMENT_NODE && contains_table(c)) return true;
    }
    return false;
}

/// A span attribute (colspan, rowspan) as a count from 1 to 1,000; 1 when absent or odd. Read off
/// the attribute's text node: xmlGetProp would copy it, for every cell of a page.
std::uint32_t span_of(const xmlNode* n, const char* name) {
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (!name_is(a->name, name)) continue;
        if (!a->children || !a->children->content) return 1;
        const long k = std::strtol(reinterpret_cast<const char*>(a->children->content), nullptr, 10);
        return k >= 1 && k <= 1000 ? static_cast<std::uint32_t>(k) : 1;
    }
    return 1;
}

/// libxml2's start of an element with only colspan and rowspan of its attributes: the walker
/// reads no other, and building the rest (class, style, title, data-…) into the tree was a tenth
/// of the cost of reading a page.
void keep_spans(void* context, const xmlChar* name, const xmlChar** attributes) {
    const xmlChar* kept[5] = {nullptr, nullptr, nullptr, nullptr, nullptr};
    std::size_t n = 0;
    for (std::size_t i = 0; attributes && attributes[i] && n + 2 < std::size(kept); i += 2) {
        if (name_is(attributes[i], "colspan") || name_is(attributes[i], "rowspan")) {
            kept[n++] = attributes[i];
            kept[n++] = attributes[i + 1];
        }
    }
    xmlSAX2StartElement(context, name, n > 0 ? kept : nullptr);
}

struct Walker {
    std::string_view text;
    std::vector<GridRow> rows;
    std::string pending;
    SourceSpan pending_at;
    bool pending_started = false;
    std::size_t tables = 0;
    // Line starts of the text, for the column of a byte offset.
    std::vector<std::size_t> line_starts;

    /// Where the next cell's start tag (<td or <th) is looked for: cells come in document order.
    std::size_t tag_cursor = 0;

    /// The source of an element: its line (libxml2 keeps it), and for a cell the byte offset of its
    /// start tag, found as the next <td or <th on that line, with the length up to its end tag.
    /// (libxml2's own record of positions costs 3% of the parse on every page.)
    SourceSpan source_of(const xmlNode* n, bool cell) {
        SourceSpan s;
        const long line = xmlGetLineNo(n);
        s.line = static_cast<std::uint32_t>(line > 0 ? line : 0);
        if (s.line < 1 || s.line > line_starts.size()) return s;
        const std::size_t start = line_starts[s.line - 1];
        const std::size_t end = s.line < line_starts.size() ? line_starts[s.line] : text.size();
        s.offset = start;
        if (cell) {
            for (std::size_t i = text.find('<', std::max(tag_cursor, start)); i != std::string_view::npos && i < end;
                 i = text.find('<', i + 1)) {
                if (i + 3 >= text.size()) break;
                const char t = static_cast<char>(text[i + 1] | 0x20), k = static_cast<char>(text[i + 2] | 0x20), after = text[i + 3];
                if (t != 't' || (k != 'd' && k != 'h') || !(after == '>' || after == ' ' || after == '\t' || after == '/' ||
                                                           after == '\n' || after == '\r'))
                    continue;
                s.offset = i;
                tag_cursor = i + 3;
                const std::size_t close = text.find("</", i + 3);
                if (close != std::string_view::npos) {
                    const std::size_t gt = text.find('>', close);
                    if (gt != std::string_view::npos) s.length = gt + 1 - i;
                }
                break;
            }
        }
        // The column (in characters) is counted only for the cells that are read, when they are
        // (extract's columns_of): counting it for every element of a page costs more than placing them.
        s.column = 0;
        return s;
    }

    void flush() {
        std::string t = clean(std::move(pending));
        if (!t.empty()) {
            GridRow r;
            r.cells.push_back(GridCell{std::move(t), pending_at, 0, 1, 1});
            rows.push_back(std::move(r));
        }
        pending.clear();
        pending_started = false;
    }

    /// A table's rows, with each cell's grid column: the first column at or after the cell
    /// before it that no rowspan from above still covers.
    struct Occupied {
        std::vector<std::uint32_t> rows_left;  // per grid column: rows a cell from above still covers
    };

    void row(const xmlNode* tr, Occupied& occupied) {
        bool nested = false;
        for (const xmlNode* c = tr->children; c; c = c->next)
            if ((is(c, "td") || is(c, "th")) && contains_table(c)) nested = true;
        if (nested) {  // a layout table around the data: read its cells as page flow
            flow(tr);
            return;
        }
        flush();
        GridRow r;
        r.tabular = true;
        r.table = static_cast<std::uint32_t>(tables);
        std::uint32_t col = 0;
        auto& left = occupied.rows_left;
        for (const xmlNode* c = tr->children; c; c = c->next) {
            if (!is(c, "td") && !is(c, "th")) continue;
            while (col < left.size() && left[col] > 0) ++col;
            std::string t;
            text_of(c, t);
            GridCell cell{clean(std::move(t)), source_of(c, true), col, span_of(c, "colspan"), span_of(c, "rowspan")};
            if (left.size() < col + cell.span) left.resize(col + cell.span, 0);
            for (std::uint32_t k = col; k < col + cell.span; ++k) left[k] = std::max(left[k], cell.row_span);
            col += cell.span;
            r.cells.push_back(std::move(cell));
        }
        // This row is done: every rowspan from above covers one row fewer.
        for (auto& n : left)
            if (n > 0) --n;
        if (!r.cells.empty()) rows.push_back(std::move(r));
    }

    void table(const xmlNode* t) {
        ++tables;
        Occupied occupied;
        for (const xmlNode* c = t->children; c; c = c->next) {
            if (is(c, "tr")) {
                row(c, occupied);
            } else if (is(c, "thead") || is(c, "tbody") || is(c, "tfoot")) {
                for (const xmlNode* r = c->children; r; r = r->next)
                    if (is(r, "tr")) row(r, occupied);
            } else if (is(c, "caption")) {
                flow(c);
            }
        }
    }

    void flow(const xmlNode* n) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                if (c->content) {
                    if (!pending_started) {
                        pending_at = source_of(c->parent ? c->parent : c, false);
                        pending_started = true;
                    }
                    pending += reinterpret_cast<const char*>(c->content);
                }
            } else if (c->type != XML_ELEMENT_NODE || skipped(c)) {
                continue;
            } else if (is(c, "br")) {
                flush();
            } else if (is(c, "table")) {
                flush();
                table(c);
            } else if (is_block(c)) {
                flush();
                flow(c);
                flush();
            } else {
                flow(c);
            }
        }
    }
};

}  // namespace

bool looks_like_html(std::string_view text) {
    // One pass over the tags of the first 4 KiB, in either case (no copy: this runs on every input).
    const std::string_view head = text.substr(0, 4096);
    bool p_open = false, p_close = false;
    for (std::size_t i = head.find('<'); i != std::string_view::npos; i = head.find('<', i + 1)) {
        auto tag_is = [&](std::string_view word) {
            if (i + 1 + word.size() > head.size()) return false;
            for (std::size_t k = 0; k < word.size(); ++k) {
                char c = head[i + 1 + k];
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
                if (c != word[k]) return false;
            }
            return true;
        };
        if (tag_is("html") || tag_is("!doctype html") || tag_is("table") || tag_is("body")) return true;
        p_open = p_open || tag_is("p");
        p_close = p_close || tag_is("/p>");
        if (p_open && p_close) return true;
    }
    return text.find("<table") != std::string_view::npos || text.find("<TABLE") != std::string_view::npos;
}

Grid read_html(std::string_view utf8) {
    Grid g;
    const int size = static_cast<int>(std::min<std::size_t>(utf8.size(), INT32_MAX));
    // The text is UTF-8 already (decoded before), whatever a <meta charset> in it says.
    // The tree is built by libxml2's own SAX handler, except that elements keep only the two
    // attributes the walker reads (see keep_spans); short text is kept in its node (COMPACT).
    htmlParserCtxtPtr context = htmlNewParserCtxt();
    htmlDocPtr parsed = nullptr;
    if (context) {
        context->sax->startElement = keep_spans;
        parsed = htmlCtxtReadMemory(context, utf8.data(), size, nullptr, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                        HTML_PARSE_COMPACT);
        htmlFreeParserCtxt(context);
    }
    Walker w;
    w.text = utf8;
    w.line_starts.push_back(0);
    for (std::size_t i = utf8.find('\n'); i != std::string_view::npos; i = utf8.find('\n', i + 1))
        w.line_starts.push_back(i + 1);
    if (parsed) {
        if (xmlNode* root = xmlDocGetRootElement(parsed)) {
            // <title> is in <head>, which the walk skips; the report's title usually repeats in the body.
            w.flow(root);
            w.flush();
        }
        xmlFreeDoc(parsed);
    }
    g.rows = std::move(w.rows);
    g.tables = w.tables;
    return g;
}

}  // namespace ogi::read
