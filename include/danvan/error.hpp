// danvan — the one exception hierarchy of the library.
//
// Every exception danvan throws derives from danvan::Error (a marker base you can catch) and
// from one standard exception: ValueError from std::invalid_argument (bad input: a value, a
// parse, a JSON document), IoError from std::runtime_error (files). Messages say what, where
// (a JSON pointer, or an offset into the input) and why.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace danvan {

/// Marker base of every danvan exception; `message()` returns the same text as `what()`.
class Error {
 public:
  virtual ~Error() = default;
  /// The message: what, where and why (the same text as the standard exception's what()).
  [[nodiscard]] virtual const char* message() const noexcept = 0;

 protected:
  Error() = default;
  /// Copyable only as part of a derived exception (exceptions are copied when thrown).
  Error(const Error&) = default;
  /// See the copy constructor.
  Error& operator=(const Error&) = default;
};

/// One problem: where (an RFC 6901 JSON pointer into the JSON form of the value or document
/// checked, "" for the whole of it, or a place named otherwise, such as a form's cell) and why.
struct JsonProblem {
  std::string pointer;  ///< where: an RFC 6901 pointer ("" for the whole value or document)
  std::string reason;   ///< what is wrong there
  friend bool operator==(const JsonProblem&, const JsonProblem&) = default;
};

/// A value is invalid: out of range, inconsistent, or not parseable. `problems()` lists every
/// problem found, each with where it is: the checks that collect problems (Registry::add, a
/// plan's validate(), a report batch's, the document readers) list them all; an error about one
/// thing has the one problem ("", what()).
class ValueError : public std::invalid_argument, public Error {
 public:
  /// `what` is the whole message; problems() is {{"", what}}.
  explicit ValueError(const std::string& what) : std::invalid_argument(what) {}
  /// `what` is the whole message (which names the problems); `problems` every one of them
  /// (when empty, problems() is {{"", what}}).
  ValueError(const std::string& what, std::vector<JsonProblem> problems);
  /// what().
  [[nodiscard]] const char* message() const noexcept override { return what(); }
  /// Every problem, in the order found; never empty.
  [[nodiscard]] std::vector<JsonProblem> problems() const;

 private:
  // Shared so that copying the exception cannot throw, as for the message.
  std::shared_ptr<const std::vector<JsonProblem>> problems_;
};

/// Text could not be parsed. `offset()` is the byte offset into the text as given to the
/// parser where it failed. `input()` is that text as shown in the message: long inputs are cut
/// to a window around the offset ("..." marks the cuts) and control or invalid bytes appear as
/// `\xNN`, so messages stay short and valid UTF-8.
class ParseError : public ValueError {
 public:
  /// what() becomes `cannot parse "<input>" at offset <offset>: <reason>`; `input` is the text
  /// as it should appear in the message (already cut and escaped by the caller).
  ParseError(std::string input, std::size_t offset, const std::string& reason);
  /// The input as shown in the message.
  [[nodiscard]] const std::string& input() const noexcept { return input_; }
  /// Byte offset into the parser's input where the problem starts.
  [[nodiscard]] std::size_t offset() const noexcept { return offset_; }
  /// Why it failed, without the input and offset ("expected a day").
  [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

 private:
  std::string input_;
  std::size_t offset_;
  std::string reason_;
};

/// A JSON document is invalid. `pointer()` is the RFC 6901 JSON pointer of the offending value
/// ("" for the whole document); what() is "<pointer>: <reason>", with "(document)" for the
/// empty pointer.
class JsonError : public ValueError {
 public:
  /// `pointer` as RFC 6901 ("/entries/3/name"), `reason` the problem there.
  JsonError(std::string pointer, const std::string& reason);
  /// Where: the RFC 6901 pointer, "" for the whole document.
  [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }
  /// Why, without the pointer.
  [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

 protected:
  /// The first problem's pointer and the reason shown, with every problem.
  JsonError(std::string pointer, const std::string& reason, std::vector<JsonProblem> problems);

 private:
  std::string pointer_;
  std::string reason_;
};

/// Thrown by the document readers: all problems, the first one in what() (with a count of the
/// others).
class JsonDocumentError : public JsonError {
 public:
  /// `problems` in document order; what() and pointer() are the first one's, the reason says
  /// how many others there are ("... (and 2 more problems)").
  explicit JsonDocumentError(std::vector<JsonProblem> problems);
};

/// A file could not be read or written. what() is "<path>: <reason>". `code()` is the
/// system's error when one caused it (an errno value in std::generic_category(): ENOENT for a
/// missing file), otherwise a default std::error_code (value 0), e.g. for ICU data.
class IoError : public std::runtime_error, public Error {
 public:
  /// A failure with no system error behind it (code() is value 0).
  IoError(std::string path, const std::string& reason);
  /// A failure the system reported as `code`.
  IoError(std::string path, const std::string& reason, std::error_code code);
  /// what().
  [[nodiscard]] const char* message() const noexcept override { return what(); }
  /// The file or folder concerned, as given.
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  /// The system's error, or a default std::error_code when there is none.
  [[nodiscard]] const std::error_code& code() const noexcept { return code_; }

 private:
  std::string path_;
  std::error_code code_;
};

}  // namespace danvan
