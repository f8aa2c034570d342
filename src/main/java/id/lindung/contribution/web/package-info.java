@org.jspecify.annotations.NullMarked
package id.lindung.contribution.web;
