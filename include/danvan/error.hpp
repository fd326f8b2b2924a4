// danvan — the one exception hierarchy of the library.
//
// Every exception danvan throws derives from danvan::Error (a marker base you can catch) and
// from one standard exception: ValueError from std::invalid_argument (bad input: a value, a
// parse, a JSON document), IoError from std::runtime_error (files). Messages say what, where
// (a JSON pointer, or an offset into the input) and why.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace danvan {

/// Marker base of every danvan exception; `message()` returns the same text as `what()`.
class Error {
 public:
  virtual ~Error() = default;
  [[nodiscard]] virtual const char* message() const noexcept = 0;

 protected:
  Error() = default;
  Error(const Error&) = default;
  Error& operator=(const Error&) = default;
};

/// A value is invalid: out of range, inconsistent, or not parseable.
class ValueError : public std::invalid_argument, public Error {
 public:
  explicit ValueError(const std::string& what) : std::invalid_argument(what) {}
  [[nodiscard]] const char* message() const noexcept override { return what(); }
};

/// Text could not be parsed. `offset()` is the byte offset into the text as given to the
/// parser where it failed. `input()` is that text as shown in the message: long inputs are cut
/// to a window around the offset ("..." marks the cuts) and control or invalid bytes appear as
/// `\xNN`, so messages stay short and valid UTF-8.
class ParseError : public ValueError {
 public:
  ParseError(std::string input, std::size_t offset, const std::string& reason);
  [[nodiscard]] const std::string& input() const noexcept { return input_; }
  [[nodiscard]] std::size_t offset() const noexcept { return offset_; }
  [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

 private:
  std::string input_;
  std::size_t offset_;
  std::string reason_;
};

/// A JSON document is invalid. `pointer()` is the RFC 6901 JSON pointer of the offending value
/// ("" for the whole document); what() is "<pointer>: <reason>".
class JsonError : public ValueError {
 public:
  JsonError(std::string pointer, const std::string& reason);
  [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }
  [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

 private:
  std::string pointer_;
  std::string reason_;
};

/// One problem found in a document: where (an RFC 6901 JSON pointer, "" for the whole
/// document) and why.
struct JsonProblem {
  std::string pointer;  ///< RFC 6901 pointer; "" for the whole document
  std::string reason;   ///< what is wrong there
  friend bool operator==(const JsonProblem&, const JsonProblem&) = default;
};

/// Thrown by the document readers: all problems, the first one in what() (with a count of the
/// others).
class JsonDocumentError : public JsonError {
 public:
  explicit JsonDocumentError(std::vector<JsonProblem> problems);
  /// Every problem found, in document order.
  [[nodiscard]] const std::vector<JsonProblem>& problems() const noexcept { return problems_; }

 private:
  std::vector<JsonProblem> problems_;
};

/// A file could not be read or written. what() is "<path>: <reason>". `code()` is the
/// system's error when one caused it (an errno value in std::generic_category(): ENOENT for a
/// missing file), otherwise a default std::error_code (value 0), e.g. for ICU data.
class IoError : public std::runtime_error, public Error {
 public:
  IoError(std::string path, const std::string& reason);
  IoError(std::string path, const std::string& reason, std::error_code code);
  [[nodiscard]] const char* message() const noexcept override { return what(); }
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] const std::error_code& code() const noexcept { return code_; }

 private:
  std::string path_;
  std::error_code code_;
};

}  // namespace danvan
