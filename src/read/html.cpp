// The HTML reader (html.hpp).
#include "read/html.hpp"

#include "base/text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace ogi::read {
namespace {

bool is(const xmlNode* n, const char* name) {
    return n && n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

bool is_block(const xmlNode* n) {
    static const char* blocks[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section",
                                   "article", "header", "footer", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd",
                                   "center", "form", "body", "title"};
    for (const char* b : blocks)
        if (is(n, b)) return true;
    return false;
}

bool skipped(const xmlNode* n) { return is(n, "script") || is(n, "style") || is(n, "noscript") || is(n, "head"); }

/// Collapses white space (including &nbsp;) to single spaces and trims.
std::string clean(const std::string& s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        bool ws = std::isspace(c) != 0;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // U+00A0
            ws = true;
            ++i;
        } else if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   static_cast<unsigned char>(s[i + 2]) == 0x80) {  // U+3000
            ws = true;
            i += 2;
        }
        if (ws) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
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

/// A span attribute (colspan, rowspan) as a count from 1 to 1,000; 1 when absent or odd.
std::uint32_t span_of(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return 1;
    const long k = std::strtol(reinterpret_cast<const char*>(v), nullptr, 10);
    xmlFree(v);
    return k >= 1 && k <= 1000 ? static_cast<std::uint32_t>(k) : 1;
}

struct Walker {
    htmlParserCtxt* ctxt = nullptr;  // libxml2 takes it, and the node, as non-const
    std::string_view text;
    std::vector<GridRow> rows;
    std::string pending;
    SourceSpan pending_at;
    bool pending_started = false;
    std::size_t tables = 0;
    // Line starts of the text, for the column of a byte offset.
    std::vector<std::size_t> line_starts;
    mutable std::uint32_t counted_line = 0;
    mutable std::size_t counted_offset = 0, counted_chars = 0;

    /// The source of an element: its start tag's byte offset (when the parser recorded it), line and column.
    SourceSpan source_of(const xmlNode* n) const {
        SourceSpan s;
        s.line = static_cast<std::uint32_t>(xmlGetLineNo(n) > 0 ? xmlGetLineNo(n) : 0);
        if (const xmlParserNodeInfo* info = xmlParserFindNodeInfo(ctxt, const_cast<xmlNode*>(n)); info && info->begin_pos <= text.size()) {
            s.offset = info->begin_pos;
            s.length = info->end_pos > info->begin_pos && info->end_pos <= text.size() ? info->end_pos - info->begin_pos : 0;
            s.line = static_cast<std::uint32_t>(info->begin_line);
        }
        if (s.line >= 1 && s.line <= line_starts.size() && s.offset >= line_starts[s.line - 1]) {
            // Counted on from the last element on the same line: elements come in order, and a
            // page on one line would be quadratic otherwise.
            const std::size_t start = line_starts[s.line - 1];
            if (counted_line != s.line || counted_offset < start || counted_offset > s.offset) {
                counted_line = s.line;
                counted_offset = start;
                counted_chars = 0;
            }
            counted_chars += detail::char_count(text.substr(counted_offset, s.offset - counted_offset));
            counted_offset = s.offset;
            s.column = static_cast<std::uint32_t>(1 + counted_chars);
        } else {
            s.column = 1;
        }
        return s;
    }

    void flush() {
        std::string t = clean(pending);
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
            GridCell cell{clean(t), source_of(c), col, span_of(c, "colspan"), span_of(c, "rowspan")};
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
                        pending_at = source_of(c->parent ? c->parent : c);
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
    const std::size_t probe = std::min<std::size_t>(text.size(), 4096);
    std::string head(text.substr(0, probe));
    for (char& c : head)  // ASCII only: std::tolower asks the locale for every byte
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos ||
           head.find("<table") != std::string::npos || head.find("<body") != std::string::npos ||
           (head.find("<p") != std::string::npos && head.find("</p>") != std::string::npos) ||
           text.find("<table") != std::string_view::npos || text.find("<TABLE") != std::string_view::npos;
}

Grid read_html(std::string_view utf8) {
    Grid g;
    const int size = static_cast<int>(std::min<std::size_t>(utf8.size(), INT32_MAX));
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(utf8.data(), size);
    if (!ctxt) return g;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    // The parser records where each element starts, for the cells' source offsets (set after the
    // options: reading with htmlCtxtReadMemory would reset it).
    ctxt->record_info = 1;
    // The text is UTF-8 already (decoded before), whatever a <meta charset> in it says: an input
    // whose encoding is set is not switched by the parser (as htmlReadMemory(…, "UTF-8", …) does).
    if (xmlCharEncodingHandlerPtr utf8_handler = xmlFindCharEncodingHandler("UTF-8"); utf8_handler && ctxt->input) {
        xmlSwitchToEncoding(ctxt, utf8_handler);
        if (ctxt->input->encoding) xmlFree(const_cast<xmlChar*>(ctxt->input->encoding));
        ctxt->input->encoding = xmlStrdup(reinterpret_cast<const xmlChar*>("UTF-8"));
    }
    htmlParseDocument(ctxt);
    htmlDocPtr parsed = ctxt->myDoc;
    ctxt->myDoc = nullptr;
    Walker w;
    w.ctxt = ctxt;
    w.text = utf8;
    w.line_starts.push_back(0);
    for (std::size_t i = 0; i < utf8.size(); ++i)
        if (utf8[i] == '\n') w.line_starts.push_back(i + 1);
    if (parsed) {
        if (xmlNode* root = xmlDocGetRootElement(parsed)) {
            // <title> is in <head>, which the walk skips; the report's title usually repeats in the body.
            w.flow(root);
            w.flush();
        }
        xmlFreeDoc(parsed);
    }
    htmlFreeParserCtxt(ctxt);
    g.rows = std::move(w.rows);
    g.tables = w.tables;
    return g;
}

}  // namespace ogi::read
