/**
 * The customer portal ({@code /portal}): a customer contact signs in with a one-time link mailed to them (no
 * passwords), sees their customer's cases, sites and installed boards, and reports faults online (channel WEB).
 * Customers have their own security filter chain and authority; staff and customers never share a session scope.
 * Nothing here is used by other features.
 */
package io.spareflow.portal;
