package org.chipplace.offline.datasets;

/**
 * A trajectory dataset file is not valid: wrong magic, unsupported version, truncated, checksum
 * mismatch, inconsistent content, or a trajectory whose design hash does not match the design
 * given to replay it. See {@code docs/dataset-format.md}.
 */
public class DatasetFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetFormatException(String message) {
        super(message);
    }

    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
