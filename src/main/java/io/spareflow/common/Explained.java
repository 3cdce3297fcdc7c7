package io.spareflow.common;

/** An exception whose detail a person reads: worded from its {@link Message} in the reader's language. */
public interface Explained {

    Message detail();
}
