// The DOCX reader (docx.hpp).
#include "read/docx/docx.hpp"

#include "base/text.hpp"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace ogi::read {
namespace {

Diagnostic error(std::string zh, std::string en) {
    return Diagnostic{"OGI-E-FORMAT", Severity::error, "", std::move(zh), std::move(en), {}, {}, {}, {}, {}};
}

constexpr std::string_view main_part = "word/document.xml";

bool is_wide(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

char32_t first_char(std::string_view s) {
    std::size_t i = 0;
    return s.empty() ? 0 : detail::next_code_point(s, i);
}

char32_t last_char(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return detail::next_code_point(s, i);
}

/// White space collapsed to single spaces (U+3000 and U+00A0 too), trimmed.
std::string clean(std::string_view s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t at = i;
        const char32_t c = detail::next_code_point(s, i);
        if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0 || c == 0x3000) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out.append(s.substr(at, i - at));
    }
    return out;
}

/// Paragraphs of one table cell joined: no space between two Chinese characters.
void join(std::string& a, const std::string& b) {
    if (b.empty()) return;
    if (!a.empty() && !(is_wide(last_char(a)) && is_wide(first_char(b)))) a += ' ';
    a += b;
}

bool is_w(const xmlChar* uri) {
    if (!uri) return false;
    const char* u = reinterpret_cast<const char*>(uri);
    return std::strcmp(u, "http://schemas.openxmlformats.org/wordprocessingml/2006/main") == 0 ||
           std::strcmp(u, "http://purl.oclc.org/ooxml/wordprocessingml/main") == 0;
}

bool is_mc(const xmlChar* uri) {
    return uri && std::strcmp(reinterpret_cast<const char*>(uri), "http://schemas.openxmlformats.org/markup-compatibility/2006") == 0;
}

bool named(const xmlChar* local, const char* name) { return std::strcmp(reinterpret_cast<const char*>(local), name) == 0; }

/// The w:val attribute of an element, or "" (attributes come as localname/prefix/URI/value/end).
std::string val_of(int nb_attributes, const xmlChar** attributes) {
    for (int i = 0; i < nb_attributes; ++i) {
        const xmlChar** a = attributes + 5 * i;
        if (named(a[0], "val")) return std::string(reinterpret_cast<const char*>(a[3]), static_cast<std::size_t>(a[4] - a[3]));
    }
    return {};
}

std::uint32_t count_of(const std::string& v, std::uint32_t otherwise) {
    if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos) return otherwise;
    const long k = std::strtol(v.c_str(), nullptr, 10);
    return k >= 1 && k <= 1000 ? static_cast<std::uint32_t>(k) : otherwise;
}

/// The reader's state while libxml2 streams word/document.xml through it.
struct Reader {
    xmlParserCtxtPtr ctxt = nullptr;
    std::string_view xml;
    std::size_t max_rows = 0;
    Grid grid;
    bool too_many_rows = false;
    std::string first_error;

    // Where the cursor of the source positions is: offsets only grow, so lines and columns are
    // counted once over the text.
    std::size_t pos_offset = 0, pos_line = 1, pos_column = 1;

    std::size_t skip = 0;  // > 0: inside a part whose text is not the document's (deleted, a fallback)
    bool in_body = false;

    struct Paragraph {
        std::string text;
        SourceSpan at;
    };
    std::vector<Paragraph> paragraphs;  // nested: a text box's paragraphs inside a paragraph
    bool in_text = false;               // inside w:t

    struct CellState {
        std::string text;
        SourceSpan at;
        std::uint32_t span = 1;
        enum class Merge { none, restart, continued } merge = Merge::none;
        bool has_table = false;
    };
    struct RowState {
        std::vector<CellState> cells;
        std::uint32_t grid_before = 0;
        bool layout = false;  // a cell holds a table: the row is page layout, read as text
    };
    struct TableState {
        std::uint32_t number = 0;
        std::vector<RowState> rows;  // the open row is rows.back()
        // per grid column: where the cell that a vMerge continues is (row in the grid, cell)
        std::vector<std::pair<std::size_t, std::size_t>> merge_owner;
        bool row_open = false, cell_open = false;
        // w:tr and w:tc out of their places (a row inside a cell without a table around it):
        // ignored, and so are their ends, which come before the end of the cell they are in
        int stray = 0;
    };
    std::vector<TableState> tables;

    SourceSpan here() {
        const long consumed = xmlByteConsumed(ctxt);
        std::size_t at = consumed >= 0 ? static_cast<std::size_t>(consumed) : pos_offset;
        if (at > xml.size()) at = xml.size();
        // the start tag's "<": the parser stands at its end
        const std::size_t lt = xml.substr(0, at).rfind('<');
        if (lt != std::string_view::npos && at - lt < 4096) at = lt;
        if (at < pos_offset) at = pos_offset;  // never backwards (an entity's text)
        for (std::size_t i = pos_offset; i < at;) {
            if (xml[i] == '\n') {
                ++pos_line;
                pos_column = 1;
                ++i;
            } else {
                detail::next_code_point(xml, i);
                ++pos_column;
            }
        }
        pos_offset = at;
        SourceSpan s;
        s.offset = at;
        s.line = static_cast<std::uint32_t>(pos_line);
        s.column = static_cast<std::uint32_t>(pos_column);
        return s;
    }

    void push_row(GridRow&& r) {
        if (grid.rows.size() >= max_rows) {
            too_many_rows = true;
            xmlStopParser(ctxt);
            return;
        }
        grid.rows.push_back(std::move(r));
    }

    void text_row(std::string text, const SourceSpan& at) {
        std::string t = clean(text);
        if (t.empty()) return;
        GridRow r;
        SourceSpan s = at;
        s.length = 0;
        r.cells.push_back(GridCell{std::move(t), s, 0, 1, 1});
        push_row(std::move(r));
    }

    bool in_cell() const {
        return !tables.empty() && tables.back().cell_open && !tables.back().rows.empty() && !tables.back().rows.back().cells.empty();
    }

    /// A layout row's cells so far, as text, before a table inside one of them.
    void flush_layout_cells(TableState& t) {
        RowState& row = t.rows.back();
        for (CellState& c : row.cells) {
            text_row(std::move(c.text), c.at);
            c.text.clear();
        }
    }

    void start(const xmlChar* local, const xmlChar* uri, int nb_attributes, const xmlChar** attributes) {
        if (skip > 0) {
            ++skip;
            return;
        }
        if (is_mc(uri) && named(local, "Fallback")) {  // the same content again, for older readers
            skip = 1;
            return;
        }
        if (!is_w(uri)) return;
        if (named(local, "body")) {
            in_body = true;
            return;
        }
        if (!in_body) return;
        if (named(local, "del") || named(local, "moveFrom") || named(local, "instrText") || named(local, "delText")) {
            skip = 1;
            return;
        }
        if (named(local, "p")) {
            paragraphs.push_back(Paragraph{{}, here()});
        } else if (named(local, "t")) {
            in_text = true;
        } else if (named(local, "tab") || named(local, "br") || named(local, "cr")) {
            if (!paragraphs.empty()) paragraphs.back().text += ' ';
        } else if (named(local, "noBreakHyphen")) {
            if (!paragraphs.empty()) paragraphs.back().text += '-';
        } else if (named(local, "tbl")) {
            // A table inside a cell makes the row around it page layout: what its cells hold so far
            // is text before the inner table.
            if (in_cell()) {
                TableState& outer = tables.back();
                RowState& row = outer.rows.back();
                if (!row.layout) {
                    row.layout = true;
                    flush_layout_cells(outer);
                }
                // the open cell's paragraphs so far
                if (!row.cells.empty()) row.cells.back().has_table = true;
            }
            TableState t;
            t.number = static_cast<std::uint32_t>(++grid.tables);
            tables.push_back(std::move(t));
        } else if (!tables.empty()) {
            TableState& t = tables.back();
            if ((named(local, "tr") && t.row_open) || (named(local, "tc") && (!t.row_open || t.cell_open))) {
                ++t.stray;
            } else if (named(local, "tr")) {
                t.rows.emplace_back();
                t.row_open = true;
            } else if (named(local, "tc")) {
                CellState c;
                c.at = here();
                t.rows.back().cells.push_back(std::move(c));
                t.cell_open = true;
            } else if (named(local, "gridSpan") && in_cell()) {
                t.rows.back().cells.back().span = count_of(val_of(nb_attributes, attributes), 1);
            } else if (named(local, "vMerge") && in_cell()) {
                t.rows.back().cells.back().merge =
                    val_of(nb_attributes, attributes) == "restart" ? CellState::Merge::restart : CellState::Merge::continued;
            } else if (named(local, "gridBefore") && t.row_open && !t.cell_open && !t.rows.empty()) {
                t.rows.back().grid_before = count_of(val_of(nb_attributes, attributes), 0);
            }
        }
    }

    void end(const xmlChar* local, const xmlChar* uri) {
        if (skip > 0) {
            --skip;
            return;
        }
        if (!is_w(uri) || !in_body) return;
        if (named(local, "body")) {
            in_body = false;
        } else if (named(local, "t")) {
            in_text = false;
        } else if (named(local, "p")) {
            if (paragraphs.empty()) return;
            Paragraph p = std::move(paragraphs.back());
            paragraphs.pop_back();
            if (!paragraphs.empty()) {  // a text box's paragraph: a line of its own after the one around it
                text_row(std::move(p.text), p.at);
            } else if (in_cell() && !tables.back().rows.back().layout) {
                join(tables.back().rows.back().cells.back().text, clean(p.text));
            } else if (in_cell()) {
                text_row(std::move(p.text), p.at);  // the text of a layout row's cell, in its place
            } else {
                text_row(std::move(p.text), p.at);
            }
        } else if ((named(local, "tc") || named(local, "tr")) && !tables.empty() && tables.back().stray > 0) {
            --tables.back().stray;
        } else if (named(local, "tc") && !tables.empty()) {
            tables.back().cell_open = false;
        } else if (named(local, "tr") && !tables.empty()) {
            TableState& t = tables.back();
            if (!t.row_open || t.rows.empty()) return;
            t.cell_open = false;
            t.row_open = false;
            RowState row = std::move(t.rows.back());
            t.rows.pop_back();
            if (row.layout) {
                for (CellState& c : row.cells) text_row(std::move(c.text), c.at);
                return;
            }
            GridRow r;
            r.tabular = true;
            r.table = t.number;
            std::uint32_t col = row.grid_before;
            for (CellState& c : row.cells) {
                const std::uint32_t span = c.span;
                if (c.merge == CellState::Merge::continued) {
                    // the cell above that this one continues grows a row; this one is not a cell of its own
                    if (col < t.merge_owner.size() && t.merge_owner[col].first < grid.rows.size()) {
                        const auto [gr, gc] = t.merge_owner[col];
                        if (gc < grid.rows[gr].cells.size()) ++grid.rows[gr].cells[gc].row_span;
                    }
                    col += span;
                    continue;
                }
                if (c.merge == CellState::Merge::restart) {
                    if (t.merge_owner.size() < col + 1) t.merge_owner.resize(col + 1, {SIZE_MAX, 0});
                    t.merge_owner[col] = {grid.rows.size(), r.cells.size()};
                } else if (col < t.merge_owner.size()) {
                    t.merge_owner[col] = {SIZE_MAX, 0};
                }
                SourceSpan s = c.at;
                r.cells.push_back(GridCell{clean(c.text), s, col, span, 1});
                col += span;
            }
            if (!r.cells.empty()) push_row(std::move(r));
        } else if (named(local, "tbl") && !tables.empty()) {
            tables.pop_back();
        }
    }

    void characters(const xmlChar* ch, int len) {
        if (skip > 0 || !in_text || paragraphs.empty() || len <= 0) return;
        paragraphs.back().text.append(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len));
    }
};

void on_start(void* ctx, const xmlChar* local, const xmlChar*, const xmlChar* uri, int, const xmlChar**, int nb_attributes,
              int, const xmlChar** attributes) {
    static_cast<Reader*>(ctx)->start(local, uri, nb_attributes, attributes);
}
void on_end(void* ctx, const xmlChar* local, const xmlChar*, const xmlChar* uri) { static_cast<Reader*>(ctx)->end(local, uri); }
void on_characters(void* ctx, const xmlChar* ch, int len) { static_cast<Reader*>(ctx)->characters(ch, len); }
void on_error(void* ctx, xmlError* e) {  // libxml2 2.9 passes it non-const
    auto* r = static_cast<Reader*>(ctx);
    if (r->first_error.empty() && e && e->message) {
        r->first_error = fmt::format("line {}: {}", e->line, e->message);
        while (!r->first_error.empty() && (r->first_error.back() == '\n' || r->first_error.back() == ' ')) r->first_error.pop_back();
    }
}
void on_message(void*, const char*, ...) {}

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

/// An encrypted Word document (password to open) is an OLE compound file around the package.
bool is_encrypted_package(std::string_view bytes) {
    return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) &&
           bytes.find(std::string_view("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e", 31)) != std::string_view::npos;
}

}  // namespace

BinaryRead read_docx(std::string_view bytes, const ExtractOptions& options) { return read_docx(bytes, options, DocxLimits{}); }

BinaryRead read_docx(std::string_view bytes, const ExtractOptions&, const DocxLimits& limits) {
    BinaryRead out;
    auto fail = [&](std::string zh, std::string en) {
        out.diagnostics.push_back(error(std::move(zh), std::move(en)));
        return std::move(out);
    };
    if (is_encrypted_package(bytes))
        return fail("这是设有打开密码的Word文档：未读取；请在Word或WPS中取消密码后另存为.docx再读取",
                    "this is a password-protected Word document: it was not read; open it in Word or WPS, remove the "
                    "password and save it as .docx again");
    zip_error_t zerr;
    zip_error_init(&zerr);
    // The archive is read from memory: no entry is ever written anywhere, whatever its name.
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
    if (!src) {
        zip_error_fini(&zerr);
        return fail("无法打开DOCX文件（内存不足）", "the DOCX could not be opened (out of memory)");
    }
    std::unique_ptr<zip_t, ZipCloser> zip(zip_open_from_source(src, ZIP_RDONLY, &zerr));
    if (!zip) {
        const std::string why = zip_error_strerror(&zerr);
        zip_source_free(src);
        zip_error_fini(&zerr);
        return fail(fmt::format("不是可读取的DOCX文件（ZIP压缩包已损坏或不完整：{}）：未读取", why),
                    fmt::format("this is not a readable DOCX (its ZIP archive is damaged or cut short: {}): it was not read", why));
    }
    zip_error_fini(&zerr);
    const zip_int64_t entries = zip_get_num_entries(zip.get(), 0);
    if (entries < 0 || static_cast<std::size_t>(entries) > limits.max_entries)
        return fail(fmt::format("DOCX压缩包有{}个条目，超过{}个的上限：未读取", entries, limits.max_entries),
                    fmt::format("the DOCX archive has {} entries, over the limit of {}: it was not read", entries, limits.max_entries));
    const zip_int64_t index = zip_name_locate(zip.get(), std::string(main_part).c_str(), 0);
    if (index < 0)
        return fail("ZIP压缩包中没有word/document.xml，不是Word文档：未读取",
                    "the ZIP archive has no word/document.xml: it is not a Word document, and it was not read");
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
        return fail("无法读取DOCX中word/document.xml的信息：未读取", "word/document.xml of the DOCX cannot be read: it was not read");
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return fail("DOCX中的word/document.xml已加密：未读取；请提供未加密的文档",
                    "word/document.xml of the DOCX is encrypted: it was not read; give an unencrypted document");
    // Bounds before inflating: the size the archive states, and how far it would inflate.
    if (st.size > limits.max_xml_bytes)
        return fail(fmt::format("DOCX的word/document.xml解压后有{}字节，超过{}字节的上限：未读取", st.size, limits.max_xml_bytes),
                    fmt::format("word/document.xml of the DOCX inflates to {} bytes, over the limit of {}: it was not read",
                                st.size, limits.max_xml_bytes));
    if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > (1u << 20) && st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits.max_ratio)
        return fail(fmt::format("DOCX的word/document.xml压缩比为{}:1，超过{}:1的上限（疑似“压缩炸弹”）：未读取",
                                st.size / std::max<zip_uint64_t>(st.comp_size, 1), limits.max_ratio),
                    fmt::format("word/document.xml of the DOCX would inflate {} times, over the limit of {} (a zip bomb?): it was not read",
                                st.size / std::max<zip_uint64_t>(st.comp_size, 1), limits.max_ratio));
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(zip.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file) {
        const std::string why = zip_strerror(zip.get());
        return fail(fmt::format("无法解压DOCX中的word/document.xml（{}）：未读取", why),
                    fmt::format("word/document.xml of the DOCX cannot be inflated ({}): it was not read", why));
    }
    // Bounds while inflating: never more than the stated size, nor than the limit.
    std::string xml;
    xml.reserve(static_cast<std::size_t>(st.size));
    char chunk[65536];
    for (;;) {
        const zip_int64_t n = zip_fread(file.get(), chunk, sizeof chunk);
        if (n < 0) {
            const std::string why = zip_file_strerror(file.get());
            return fail(fmt::format("解压DOCX中的word/document.xml时出错（{}）：未读取", why),
                        fmt::format("word/document.xml of the DOCX is damaged ({}): it was not read", why));
        }
        if (n == 0) break;
        xml.append(chunk, static_cast<std::size_t>(n));
        if (xml.size() > st.size || xml.size() > limits.max_xml_bytes)
            return fail("DOCX的word/document.xml解压后超过其声明的大小或上限：未读取",
                        "word/document.xml of the DOCX inflates to more than its stated size or the limit: it was not read");
    }
    file.reset();
    zip.reset();

    // The XML as a stream of events: no tree is built, nothing outside the text is fetched, no
    // entity of a DTD is expanded.
    Reader r;
    r.xml = xml;
    r.max_rows = limits.max_rows;
    if (xml.size() > static_cast<std::size_t>(INT32_MAX)) return fail("word/document.xml过大：未读取", "word/document.xml is too large: it was not read");
    // libxml2 writes some errors (a broken encoding) through its generic error function, to
    // stderr: silenced for this thread while the document is read (libxml2 keeps it per thread).
    const xmlGenericErrorFunc generic = xmlGenericError;
    void* const generic_context = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(nullptr, on_message);
    struct RestoreGeneric {
        xmlGenericErrorFunc f;
        void* ctx;
        ~RestoreGeneric() { xmlSetGenericErrorFunc(ctx, f); }
    } restore{generic, generic_context};
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(xml.data(), static_cast<int>(xml.size()));
    if (!ctxt) return fail("无法解析DOCX中的word/document.xml：未读取", "word/document.xml of the DOCX cannot be parsed: it was not read");
    xmlSAXHandler handler;
    std::memset(&handler, 0, sizeof handler);
    handler.initialized = XML_SAX2_MAGIC;
    handler.startElementNs = on_start;
    handler.endElementNs = on_end;
    handler.characters = on_characters;
    handler.cdataBlock = on_characters;
    handler.serror = on_error;
    handler.warning = on_message;
    handler.error = on_message;
    handler.fatalError = on_message;
    xmlSAXHandlerPtr own = ctxt->sax;
    ctxt->sax = &handler;
    ctxt->userData = &r;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    r.ctxt = ctxt;
    xmlParseDocument(ctxt);
    const bool well_formed = ctxt->wellFormed != 0;
    ctxt->sax = own;
    xmlFreeParserCtxt(ctxt);
    if (r.too_many_rows)
        return fail(fmt::format("DOCX有超过{}个段落和表格行，超过上限：未读取", limits.max_rows),
                    fmt::format("the DOCX has more than {} paragraphs and table rows, over the limit: it was not read", limits.max_rows));
    if (!well_formed) {
        const std::string why = r.first_error.empty() ? std::string("not well-formed") : r.first_error;
        return fail(fmt::format("DOCX中的word/document.xml不是格式正确的XML（{}）：未读取", why),
                    fmt::format("word/document.xml of the DOCX is not well-formed XML ({}): it was not read", why));
    }
    if (r.grid.rows.empty())
        return fail("DOCX文档中没有文字（正文为空，或只有图片）：未读取；图片中的表格需要OCR",
                    "the DOCX has no text (an empty body, or only pictures): nothing was read; a table in a picture needs OCR");
    out.grid = std::move(r.grid);
    return out;
}

}  // namespace ogi::read
