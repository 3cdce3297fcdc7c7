package io.spareflow.portal.internal;

import io.spareflow.customer.ContactInfo;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A customer contact signed in to the portal: the session's scope is their customer. Its one authority,
 * {@link #AUTHORITY}, is no staff role, and staff roles never reach the portal's pages.
 */
record PortalContact(long contactId, String customerCode, String name, String email, Locale language)
        implements Serializable {

    static final String AUTHORITY = "CUSTOMER_CONTACT";

    static PortalContact of(ContactInfo contact) {
        return new PortalContact(contact.id(), contact.customerCode(), contact.name(), contact.email(), contact.language());
    }

    /** The signed-in state of the portal's session. */
    static final class Authentication extends AbstractAuthenticationToken {

        private final PortalContact contact;

        Authentication(PortalContact contact) {
            super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
            this.contact = contact;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public PortalContact getPrincipal() {
            return contact;
        }
    }
}
