package org.chipplace.api.service;

import org.springframework.http.HttpStatus;

/**
 * Domain exceptions of the service; {@code web.ProblemHandler} maps each to an RFC 7807 problem
 * with the status it carries.
 */
public final class ServiceErrors {
    private ServiceErrors() {
    }

    /** Base class: a message meant for the client and an HTTP status. */
    public abstract static class ServiceException extends RuntimeException {
        private final HttpStatus status;

        protected ServiceException(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }

    /** An unknown id, or something a known id does not have (404). */
    public static final class NotFound extends ServiceException {
        public NotFound(String what, Object id) {
            super(HttpStatus.NOT_FOUND, what + " " + id + " not found");
        }

        /** A missing thing described by {@code message}. */
        public NotFound(String message) {
            super(HttpStatus.NOT_FOUND, message);
        }
    }

    /** The request conflicts with the current state, e.g. cancelling a finished job (409). */
    public static final class Conflict extends ServiceException {
        public Conflict(String message) {
            super(HttpStatus.CONFLICT, message);
        }
    }

    /** Invalid input (400). */
    public static final class BadRequest extends ServiceException {
        public BadRequest(String message) {
            super(HttpStatus.BAD_REQUEST, message);
        }
    }

    /** A well-formed request this service cannot carry out, e.g. device gpu without a CUDA device (422). */
    public static final class Unprocessable extends ServiceException {
        public Unprocessable(String message) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, message);
        }
    }

    /** A file type the service does not take (415). */
    public static final class UnsupportedType extends ServiceException {
        public UnsupportedType(String message) {
            super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message);
        }
    }
}
