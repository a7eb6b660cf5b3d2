// Test helper: a ZIP archive written in memory with libzip (DOCX files for the reader's tests
// and its fuzz target). Nothing touches the disk.
#pragma once

#include <zip.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace test {

struct ZipEntry {
    std::string name, data;
    bool deflate = true;
};

/// The archive holding `entries`, in order.
inline std::string zip_archive(const std::vector<ZipEntry>& entries) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    if (!src) throw std::runtime_error("zip_source_buffer_create");
    zip_source_keep(src);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    if (!z) {
        zip_source_free(src);
        throw std::runtime_error("zip_open_from_source");
    }
    for (const ZipEntry& e : entries) {
        zip_source_t* data = zip_source_buffer(z, e.data.data(), e.data.size(), 0);
        const zip_int64_t i = zip_file_add(z, e.name.c_str(), data, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (i < 0) {
            zip_source_free(data);
            zip_discard(z);
            zip_source_free(src);
            throw std::runtime_error("zip_file_add " + e.name);
        }
        zip_set_file_compression(z, static_cast<zip_uint64_t>(i), e.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9);
    }
    if (zip_close(z) != 0) {
        zip_discard(z);
        zip_source_free(src);
        throw std::runtime_error("zip_close");
    }
    std::string out;
    zip_stat_t st;
    if (zip_source_open(src) == 0 && zip_source_stat(src, &st) == 0) {
        out.resize(static_cast<std::size_t>(st.size));
        const zip_int64_t n = zip_source_read(src, out.data(), out.size());
        out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
        zip_source_close(src);
    }
    zip_source_free(src);
    zip_error_fini(&err);
    return out;
}

/// A minimal DOCX around a document.xml body (the <w:body> content).
inline std::string docx_with_body(const std::string& body_xml) {
    const std::string doc =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>" +
        body_xml + "</w:body></w:document>";
    return zip_archive({{"[Content_Types].xml",
                         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                         "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
                        {"_rels/.rels",
                         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                         "Target=\"word/document.xml\"/></Relationships>"},
                        {"word/document.xml", doc}});
}

}  // namespace test
