package io.spareflow.customer;

/** A person at the customer (usually NOC staff) who receives case mail; {@code locale} picks the mail templates. */
public record ContactInfo(long id, String customerCode, String name, String email, String locale) {
}
