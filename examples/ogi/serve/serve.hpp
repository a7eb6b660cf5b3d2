// ogi serve: the reviewers' web page and the HTTP API (docs/serve.md). The subcommand's options
// and its entry point; the server itself is server.cpp, the endpoints api.cpp.
#pragma once

#include <ogi/base/diagnostic.hpp>

#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>

namespace ogi::cli {

struct ServeArgs {
    std::string host = "127.0.0.1";
    unsigned port = 8080;
    int jobs = 0;                         ///< requests worked on at once (0: every core)
    std::size_t max_body = 32u << 20;     ///< 413 above it
    std::size_t max_header = 16u << 10;   ///< the request line and headers; 400 above it
    std::size_t max_memory = 512u << 20;  ///< request bodies held at once; 503 above it
    std::size_t max_connections = 512;    ///< open connections; more wait in the listen queue
    double timeout = 30;                  ///< seconds to send a request (408) or take an answer
    std::string token;                    ///< bearer token the API asks for; required beyond loopback
    std::string store;                    ///< keep every request body in this directory
    bool log = false;                     ///< one line per request on stderr
};

CLI::App* add_serve(CLI::App& app, ServeArgs& args);
int run_serve(const ServeArgs& args, Lang lang);

}  // namespace ogi::cli
