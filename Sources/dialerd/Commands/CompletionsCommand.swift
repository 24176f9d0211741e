import Dialer

/// `dialerd completions bash|zsh`: a shell completion script for commands, options and files.
enum CompletionsCommand: Command {
    static let name = "completions"
    static let summary = "print a bash or zsh completion script"
    static let help = """
        Usage: dialerd completions bash|zsh

        Prints a script that completes dialerd's commands, each command's options,
        and file names. Load it from your shell's start-up file:

          bash:  source <(dialerd completions bash)          # in ~/.bashrc
          zsh:   dialerd completions zsh > ~/.zfunc/_dialerd  # with ~/.zfunc in fpath

        Options:
          -h, --help   show this help

        Exit status: 0 done, 2 bad usage.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(words, valueOptions: [], flagOptions: [])
        } catch {
            return usageFailure(error)
        }
        switch arguments.positional {
        case ["bash"]: Terminal.out(bash)
        case ["zsh"]: Terminal.out(zsh)
        default: return usageFailure(UsageError("name the shell: bash or zsh"))
        }
        return .success
    }

    /// Each command with the options its help lists (and `--help`).
    private static var commandOptions: [(name: String, options: [String])] {
        CommandList.all.map { command in
            let options = CommandList.options(of: command)
            return (command.name, options.contains("--help") ? options : options + ["--help"])
        }
    }

    private static var bash: String {
        let cases = commandOptions.map { "        \($0.name)) options=\"\($0.options.joined(separator: " "))\" ;;" }
        let names = CommandList.all.map { $0.name }.joined(separator: " ")
        return """
            # bash completion for dialerd (dialerd completions bash)
            _dialerd() {
                local current="${COMP_WORDS[COMP_CWORD]}"
                if [ "$COMP_CWORD" -eq 1 ]; then
                    COMPREPLY=($(compgen -W "\(names) --help --version" -- "$current"))
                    return
                fi
                local options=""
                case "${COMP_WORDS[1]}" in
            \(cases.joined(separator: "\n"))
                esac
                if [[ "$current" == -* ]]; then
                    COMPREPLY=($(compgen -W "$options" -- "$current"))
                else
                    COMPREPLY=($(compgen -f -- "$current"))
                fi
            }
            complete -o filenames -F _dialerd dialerd
            """
    }

    private static var zsh: String {
        let described = CommandList.all.map { "        '\($0.name):\($0.summary.replacingOccurrences(of: "'", with: "'\\''"))'" }
        let cases = commandOptions.map { "        \($0.name)) options=(\($0.options.joined(separator: " "))) ;;" }
        return """
            #compdef dialerd
            # zsh completion for dialerd (dialerd completions zsh)
            _dialerd() {
                local -a commands options
                commands=(
            \(described.joined(separator: "\n"))
                )
                if (( CURRENT == 2 )); then
                    _describe 'command' commands
                    return
                fi
                case $words[2] in
            \(cases.joined(separator: "\n"))
                esac
                if [[ $PREFIX == -* ]]; then
                    compadd -a options
                else
                    _files
                fi
            }
            _dialerd "$@"
            """
    }
}
