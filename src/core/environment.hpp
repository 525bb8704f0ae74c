#pragma once

#include <map>
#include <optional>
#include <string>

namespace compassion {

// The seam for environment variables.
class Environment {
public:
    virtual ~Environment() = default;
    virtual std::optional<std::string> get(const std::string& name) const = 0;
};

class MapEnvironment : public Environment {
public:
    explicit MapEnvironment(std::map<std::string, std::string> vars) : vars_(std::move(vars)) {}
    std::optional<std::string> get(const std::string& name) const override {
        auto it = vars_.find(name);
        if (it == vars_.end())
            return std::nullopt;
        return it->second;
    }

private:
    std::map<std::string, std::string> vars_;
};

} // namespace compassion
