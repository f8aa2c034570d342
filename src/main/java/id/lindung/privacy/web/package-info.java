@org.jspecify.annotations.NullMarked
package id.lindung.privacy.web;
