package io.spareflow.rma.internal;

/** A faulty board as named on a case: installed at the site, or found there unregistered (then registered on the spot). */
record FaultyBoard(String serial, String partNumber, boolean registeredOnSite) {
}
