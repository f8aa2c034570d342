@org.jspecify.annotations.NullMarked
package id.lindung.participant.web;
