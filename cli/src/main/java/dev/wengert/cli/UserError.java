package dev.wengert.cli;

/**
 * A mistake on the command line (an unknown variable, a malformed number, a mode that does not
 * exist): printed as one line, exit code 2, no stack trace unless {@code --debug}.
 */
class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
