// ogi-bench-extract DIR|LIST [MAX_FILES [text|html]]: extraction throughput on one core. Every valid report of
// the corpus is drawn with ogi::render (text and HTML), then ogi::extract reads the drawings back;
// prints the megabytes of input per second for each, and the cells that did not come back.
#include <ogi/read/extract.hpp>
#include <ogi/ogi.hpp>

#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "file_list.hpp"

int main(int argc, char** argv) {
    if (argc < 2 || argc > 4) {
        std::fprintf(stderr, "usage: ogi-bench-extract DIR|LIST [MAX_FILES [text|html]]\n");
        return 2;
    }
    const std::size_t max_files = argc >= 3 ? std::stoul(argv[2]) : 2000;
    const std::string only = argc == 4 ? argv[3] : "";  // one format only, for profiling
    std::vector<ogi::Report> reports;
    std::string text;
    for (const std::string& file : ogi_bench::file_list(argv[1])) {
        if (reports.size() >= max_files) break;
        if (!ogi_bench::read_file(file, text)) return 2;
        if (!ogi::validate_json_text(text).valid) continue;
        reports.push_back(boost::json::value_to<ogi::Report>(boost::json::parse(text)));
    }
    int status = 0;
    for (const auto format : {ogi::RenderFormat::text, ogi::RenderFormat::html}) {
        if (!only.empty() && only != ogi::to_string(format)) continue;
        std::vector<std::string> drawn;
        std::size_t bytes = 0;
        for (const auto& r : reports) {
            drawn.push_back(ogi::render(r, format));
            bytes += drawn.back().size();
        }
        std::size_t wrong = 0;
        const auto start = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < drawn.size(); ++i) {
            const ogi::ExtractResult x = ogi::extract(drawn[i]);
            if (!x.report || x.report->cells() != reports[i].cells()) ++wrong;
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("extract %s: %zu reports, %.1f MB in %.3f s = %.1f MB/s on one core; %zu not read back exactly\n",
                    std::string(ogi::to_string(format)).c_str(), drawn.size(), static_cast<double>(bytes) / 1e6,
                    seconds, static_cast<double>(bytes) / 1e6 / seconds, wrong);
        if (wrong) status = 1;
    }
    return status;
}
