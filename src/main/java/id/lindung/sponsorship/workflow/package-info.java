@org.jspecify.annotations.NullMarked
package id.lindung.sponsorship.workflow;
