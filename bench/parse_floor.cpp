// ogi-bench-floor DIR|LIST: the floor for `ogi validate` — read every *.json file (of a
// directory, or the paths listed one a line in a file) and parse it with Boost.JSON, nothing
// else. Prints the files that are not JSON, one a line.
#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "file_list.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: ogi-bench-floor DIR|LIST\n");
        return 2;
    }
    std::size_t bad = 0;
    std::string text;
    for (const std::string& file : ogi_bench::file_list(argv[1])) {
        if (!ogi_bench::read_file(file, text)) return 2;
        boost::system::error_code ec;
        boost::json::value v = boost::json::parse(text, ec);
        if (ec) {
            std::printf("%s\n", file.c_str());
            ++bad;
        }
    }
    return bad ? 1 : 0;
}
