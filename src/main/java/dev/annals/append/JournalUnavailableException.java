package dev.annals.append;

/** The journal database failed an append; mapped to 503 when it is unreachable, else 500. Nothing was stored. */
public class JournalUnavailableException extends RuntimeException {
    public JournalUnavailableException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
