package dev.annals.registry.compat;

import static dev.annals.registry.compat.Schemas.found;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Relaxations, and changes that only look like changes, are compatible: nothing is reported. */
class BackwardCompatibilityRelaxationsTest {
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            type widened                    | {'type':'string'}                        | {'type':['string','null']}
            integer widened to number       | {'type':'integer'}                       | {'type':'number'}
            integer in a list of types      | {'type':['integer','null']}              | {'type':['null','number']}
            type removed                    | {'type':'string'}                        | {}
            minLength lowered               | {'minLength':5}                          | {'minLength':1}
            minLength removed               | {'minLength':5}                          | {}
            minLength 0 added               | {}                                       | {'minLength':0}
            minItems removed                | {'minItems':1}                           | {}
            minimum lowered                 | {'minimum':1}                            | {'minimum':-1}
            exclusiveMinimum removed        | {'exclusiveMinimum':0}                   | {}
            maxLength raised                | {'maxLength':300}                        | {'maxLength':301}
            maxLength removed               | {'maxLength':300}                        | {}
            maxItems raised                 | {'maxItems':5}                           | {'maxItems':50}
            maximum raised                  | {'maximum':1.5}                          | {'maximum':2}
            exclusiveMaximum same value     | {'exclusiveMaximum':1}                   | {'exclusiveMaximum':1.0}
            uniqueItems dropped             | {'uniqueItems':true}                     | {'uniqueItems':false}
            uniqueItems false added         | {}                                       | {'uniqueItems':false}
            multipleOf to a divisor         | {'multipleOf':4}                         | {'multipleOf':2}
            multipleOf to a decimal divisor | {'multipleOf':0.5}                       | {'multipleOf':0.25}
            multipleOf removed              | {'multipleOf':3}                         | {}
            minContains lowered             | {'contains':{},'minContains':2}          | {'contains':{},'minContains':1}
            maxContains removed             | {'contains':{},'maxContains':2}          | {'contains':{}}
            pattern removed                 | {'pattern':'^a'}                         | {}
            format removed                  | {'format':'date-time'}                   | {}
            enum value added                | {'enum':['a','b']}                       | {'enum':['b','a','c']}
            enum numbers by value           | {'enum':[1,2]}                           | {'enum':[1.0,2.00]}
            enum removed                    | {'enum':['a']}                           | {}
            const removed                   | {'const':'a'}                            | {}
            const to an enum holding it     | {'const':'a'}                            | {'enum':['a','b']}
            enum of one to its const        | {'enum':['a']}                           | {'const':'a'}
            required removed                | {'required':['a','b']}                   | {'required':['b']}
            required reordered              | {'required':['a','b']}                   | {'required':['b','a']}
            required with a default         | {'properties':{'a':{}}}                  | {'properties':{'a':{'default':'x'}},'required':['a']}
            optional property, closed model | {'properties':{'a':{}},'additionalProperties':false} | {'properties':{'a':{},'b':{'type':'string'}},'additionalProperties':false}
            property {} added to open model | {}                                       | {'properties':{'a':{}}}
            property true added, open model | {'additionalProperties':true}            | {'properties':{'a':true}}
            annotated property, open model  | {}                                       | {'properties':{'a':{'description':'anything'}}}
            property within additional      | {'additionalProperties':{'type':'string'}} | {'properties':{'a':{'type':['string','null']}},'additionalProperties':{'type':'string'}}
            property within its pattern     | {'patternProperties':{'^x-':{'type':'string'}}} | {'patternProperties':{'^x-':{'type':'string'}},'properties':{'x-a':{'type':'string'}}}
            additionalProperties opened     | {'additionalProperties':false}           | {'additionalProperties':true}
            additionalProperties removed    | {'additionalProperties':{'type':'string'}} | {}
            additionalProperties widened    | {'additionalProperties':{'type':'string'}} | {'additionalProperties':{'type':['string','null']}}
            pattern property, closed model  | {'properties':{'a':{}},'additionalProperties':false} | {'properties':{'a':{}},'patternProperties':{'^x-':{'type':'string'}},'additionalProperties':false}
            pattern property removed        | {'patternProperties':{'^x-':{'type':'string'}}} | {}
            false to a schema               | {'properties':{'a':false}}               | {'properties':{'a':{'type':'string'}}}
            false root to anything          | false                                    | {'type':'null'}
            true to empty schema            | true                                     | {}
            empty schema to true            | {'minLength':1}                          | true
            items removed                   | {'items':{'type':'string'}}              | {}
            prefixItems widened             | {'prefixItems':[{'type':'string'}]}      | {'prefixItems':[{'type':['string','null']}]}
            $defs added                     | {}                                       | {'$defs':{'id':{'type':'string'}}}
            unsupported keyword unchanged   | {'allOf':[{'type':'string'}],'$ref':'#/$defs/a','$defs':{'a':{}}} | {'allOf':[{'type':'string'}],'$ref':'#/$defs/a','$defs':{'a':{}}}
            documentation only              | {'title':'a','description':'b','examples':[1],'default':1,'$comment':'c','deprecated':false,'readOnly':false,'writeOnly':false,'$id':'https://x/v1.json','$schema':'https://json-schema.org/draft/2020-12/schema'} | {'title':'A','description':'B','examples':[2],'default':2,'$comment':'C','deprecated':true,'readOnly':true,'writeOnly':true,'$id':'https://x/v2.json'}
            """)
    void isCompatible(String relaxation, String previous, String next) {
        assertEquals(List.of(), found(previous, next));
    }
}
