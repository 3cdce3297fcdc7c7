package io.spareflow.customer.internal;

import io.spareflow.customer.ContactInfo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer_contact")
public class ContactEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "customer_code")
    private String customerCode;
    private String name;
    private String email;
    private String locale;

    protected ContactEntity() {
    }

    public ContactEntity(String customerCode, String name, String email, String locale) {
        this.customerCode = customerCode;
        this.name = name;
        this.email = email;
        this.locale = locale;
    }

    public void update(String name, String email, String locale) {
        this.name = name;
        this.email = email;
        this.locale = locale;
    }

    public String customerCode() {
        return customerCode;
    }

    public ContactInfo toInfo() {
        return new ContactInfo(id, customerCode, name, email, locale);
    }
}
