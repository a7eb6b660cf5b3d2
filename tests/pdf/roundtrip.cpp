// The PDF reader's round trip through a browser (tests/pdf/chromium_test.sh):
//   ogi-pdf-roundtrip write DIR N   N random valid reports of both editions, each rendered as
//                                   the page `ogi render --to html` writes (report-K.html)
//   ogi-pdf-roundtrip check DIR N   the same reports again (the same seed), each compared cell
//                                   for cell with what ogi::extract reads from report-K.pdf
// The bundled seed report (examples/data/liucheng-2020.json, with its narrative and signature) is
// written too, as seed.html; check reads seed.pdf and wants the very report that extracting
// seed.html gives (metadata and narrative included), but for the file's name.
// Exit status of check: 0 when every report is read back exactly, 1 otherwise (each miss said).
#include "random_report.hpp"

#include <ogi/ogi.hpp>
#include <ogi/read/extract.hpp>
#include <ogi/read/pdf.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace {

std::vector<ogi::Report> reports(int n) {
    std::mt19937 rng(20261203);
    std::vector<ogi::Report> out;
    for (int round = 0; round < n; ++round) {
        const auto edition = round % 2 ? ogi::Edition::e2021 : ogi::Edition::e2019;
        const bool single = round % 4 < 2 ? edition == ogi::Edition::e2019 : edition != ogi::Edition::e2019;
        out.push_back(test::random_report(rng, edition, single));
    }
    return out;
}

std::string text_of(const ogi::Report& r, std::size_t i) {
    const ogi::Cell& c = r.cells()[i];
    if (c.state != ogi::Cell::State::value) return "(blank)";
    return r.form().column(r.form().cells()[i]).kind == ogi::CellKind::money ? c.money.to_string() : std::to_string(c.number);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: ogi-pdf-roundtrip write|check DIR N\n");
        return 2;
    }
    const std::string mode = argv[1], dir = argv[2];
    const int n = std::atoi(argv[3]);
    const std::vector<ogi::Report> all = reports(n);
    const std::string seed_json = [] {
        std::ifstream in(std::string(OGI_SOURCE_DIR) + "/examples/data/liucheng-2020.json");
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }();
    const ogi::Report seed = boost::json::value_to<ogi::Report>(boost::json::parse(seed_json));
    if (mode == "write") {
        std::ofstream(dir + "/seed.html") << ogi::render(seed, ogi::RenderFormat::html);
        for (int k = 0; k < n; ++k)
            std::ofstream(fmt::format("{}/report-{:02}.html", dir, k)) << ogi::render(all[static_cast<std::size_t>(k)], ogi::RenderFormat::html);
        return 0;
    }
    ogi::enable_pdf_reading();
    int exact = 0;
    std::size_t cells = 0, right = 0, pages = 0;
    for (int k = 0; k < n; ++k) {
        const ogi::Report& original = all[static_cast<std::size_t>(k)];
        const std::string name = fmt::format("{}/report-{:02}.pdf", dir, k);
        std::ifstream in(name, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string bytes = ss.str();
        for (std::size_t at = bytes.find("/Type /Page"); at != std::string::npos; at = bytes.find("/Type /Page", at + 1))
            if (bytes.compare(at, 12, "/Type /Pages") != 0) ++pages;
        const ogi::ExtractResult res = ogi::extract(bytes);
        if (!res.report) {
            std::printf("report-%02d.pdf: not read:", k);
            for (const auto& d : res.diagnostics) std::printf(" %s", d.message_en.c_str());
            std::printf("\n");
            continue;
        }
        const ogi::Report& got = *res.report;
        bool same = got.edition() == original.edition() && got.year == original.year &&
                    got.agency.name == original.agency.name && got.has_single_other() == original.has_single_other();
        if (!same)
            std::printf("report-%02d.pdf: edition, year, agency or （六） layout differ (year %d, agency %s)\n", k, got.year,
                        got.agency.name.c_str());
        if (got.edition() == original.edition() && got.has_single_other() == original.has_single_other()) {
            for (std::size_t i = 0; i < original.cells().size(); ++i) {
                ++cells;
                if (got.cells()[i] == original.cells()[i]) {
                    ++right;
                    continue;
                }
                same = false;
                std::printf("report-%02d.pdf %s: wrote %s, read %s\n", k, original.form().cells()[i].pointer.c_str(),
                            text_of(original, i).c_str(), text_of(got, i).c_str());
            }
        }
        if (!res.complete) {
            same = false;
            std::printf("report-%02d.pdf: not complete\n", k);
        }
        exact += same;
    }
    std::printf("%d of %d PDFs (%zu pages) read back exactly; %zu of %zu cells\n", exact, n, pages, right, cells);
    // the seed: the PDF gives the report the page gives
    auto report_of = [&](const std::string& name) -> std::optional<boost::json::value> {
        std::ifstream in(dir + "/" + name, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        const ogi::ExtractResult r = ogi::extract(ss.str());
        if (!r.report) return std::nullopt;
        boost::json::value v = boost::json::value_from(*r.report);
        v.as_object().erase("source");
        return v;
    };
    const auto from_html = report_of("seed.html"), from_pdf = report_of("seed.pdf");
    const bool seed_same = from_html && from_pdf && *from_html == *from_pdf;
    if (!seed_same) {
        std::printf("seed.pdf: not the report seed.html gives\n");
        if (from_html && from_pdf)
            for (const auto& kv : from_html->as_object())
                if (!from_pdf->as_object().contains(kv.key()) || from_pdf->at(kv.key()) != kv.value())
                    std::printf("  %s: page %s\n       pdf  %s\n", std::string(kv.key()).c_str(), boost::json::serialize(kv.value()).substr(0, 300).c_str(),
                                from_pdf->as_object().contains(kv.key()) ? boost::json::serialize(from_pdf->at(kv.key())).substr(0, 300).c_str() : "(absent)");
    } else {
        std::printf("seed.pdf: the same report as seed.html, narrative and metadata included\n");
    }
    return exact == n && seed_same ? 0 : 1;
}
